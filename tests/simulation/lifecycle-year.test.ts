/**
 * A year of upkeep against the real sandbox app, called in process: `fetch` is routed straight
 * into the sandbox's Hono app, and the sandbox reads the same (faked) clock as the extension, so
 * both move forward together in random steps. The "service worker" restarts at random moments
 * (losing its alarms, as Firefox does), and due alarms fire as Chrome would fire them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { createSandbox } from '@/sandbox/app';
import { createSandboxControl, type SandboxControl } from '@/sandbox/control-client';
import { makeAccount } from '@/tests/support/fixtures';
import { findAccount, readAccountToken, saveAccount } from '@/utils/vault/account-store';
import { reconcileAlarms } from '@/utils/upkeep/alarms';
import { handleAlarm } from '@/utils/background/handle-alarm';
import { readLifecycleState } from '@/utils/upkeep/lifecycle-state';
import { createDefaultSettings } from '@/utils/settings/settings';
import { settingsItem } from '@/utils/settings/settings-store';

const USER_ID = '27640875392278831';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A small seeded PRNG (mulberry32), so that a failing run can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function fireDueAlarms(now: number): Promise<void> {
  for (const alarm of await browser.alarms.getAll()) {
    if (alarm.scheduledTime <= now) {
      await browser.alarms.clear(alarm.name);
      await handleAlarm(alarm.name);
    }
  }
}

/** The sandbox's origin as the extension sees it; requests to it never leave the process. */
const SANDBOX_URL = 'http://sandbox.invalid';

describe('a year of token upkeep against the sandbox', () => {
  let control: SandboxControl;

  beforeEach(() => {
    // The sandbox's clock is the faked Date, so it moves exactly as the extension's does.
    const { app } = createSandbox({ realNow: () => Date.now() });
    vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) =>
      app.request(input, init),
    );
    control = createSandboxControl(SANDBOX_URL);
  });

  it.each([
    // Default settings: a refresh every 50 days or so.
    { name: 'default settings', refreshWindowDays: 10, maxStepHours: 12, refreshes: [7, 9] },
    // Every 60-day token sits inside a 61-day window, so refresh is wanted at once and only the
    // 24-hour rule holds it back; small steps make alarms fire close to their time.
    {
      name: 'refresh wanted at once',
      refreshWindowDays: 61,
      maxStepHours: 4,
      refreshes: [300, 366],
    },
  ])(
    'should keep the token alive with $name and random restarts, never refreshing before 24 hours',
    async ({ refreshWindowDays, maxStepHours, refreshes }) => {
      const random = seededRandom(0x5eed2026);
      await control.reset();
      const settings = { ...createDefaultSettings(), refreshWindowDays };
      settings.profiles[0] = { ...settings.profiles[0]!, graphUrl: SANDBOX_URL };
      await settingsItem.write(settings);
      vi.useFakeTimers({ toFake: ['Date'] });
      let now = Date.parse('2026-12-01T09:00:00Z');
      vi.setSystemTime(now);
      const issued = await control.issueToken({ userId: USER_ID });
      const account = makeAccount({
        id: USER_ID,
        issuedAt: now,
        expiresAt: now + issued.expires_in * 1000,
        lastCheckedAt: now,
      });
      await saveAccount(USER_ID, () => account, issued.access_token);
      await reconcileAlarms(await readLifecycleState());
      const end = now + 365 * DAY;
      let restarts = 0;

      while (now < end) {
        const step = Math.round((1 + random() * (maxStepHours - 1)) * HOUR);
        now += step;
        vi.setSystemTime(now);
        if (random() < 0.15) {
          restarts += 1;
          await browser.alarms.clearAll();
          await reconcileAlarms(await readLifecycleState());
        }
        await fireDueAlarms(now);
      }

      const token = await readAccountToken(USER_ID);
      const me = await fetch(`${SANDBOX_URL}/me?fields=username`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const stored = await findAccount(USER_ID);
      const calls = await control.calls();
      expect(restarts).toBeGreaterThan(50);
      expect(me.status).toBe(200);
      expect(stored.health).toBe('ok');
      expect(stored.expiresAt).toBeGreaterThan(now + 9 * DAY);
      expect(calls.refreshTooEarly).toBe(0);
      expect(calls.refresh_access_token).toBeGreaterThanOrEqual(refreshes[0]!);
      expect(calls.refresh_access_token).toBeLessThanOrEqual(refreshes[1]!);
      expect(stored.events.filter((event) => !event.ok)).toEqual([]);
    },
  );
});
