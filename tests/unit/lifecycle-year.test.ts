// @vitest-environment node
/**
 * A year of upkeep against the real sandbox over loopback HTTP: the sandbox clock and the
 * extension's clock move forward together in random steps, the "service worker" restarts at random
 * moments (losing its alarms, as Firefox does), and due alarms fire as Chrome would fire them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { createSandboxControl, type SandboxControl } from '@/sandbox/control-client';
import { startSandbox, type RunningSandbox } from '@/sandbox/server';
import { makeAccount } from '@/tests/unit/fixtures';
import { findAccount, readAccountToken, saveAccount } from '@/utils/account-store';
import { reconcileAlarms } from '@/utils/alarms';
import { handleAlarm } from '@/utils/handle-alarm';
import { readLifecycleState } from '@/utils/lifecycle-state';
import { createDefaultSettings } from '@/utils/settings';
import { settingsItem } from '@/utils/storage-items';

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

describe('a year of token upkeep against the sandbox', () => {
  let sandbox: RunningSandbox;
  let control: SandboxControl;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    control = createSandboxControl(sandbox.url);
  });

  afterAll(async () => {
    await sandbox?.close();
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
      settings.profiles[0] = { ...settings.profiles[0]!, graphUrl: sandbox.url };
      await settingsItem.setValue(settings);
      const issued = await control.issueToken({ userId: USER_ID });
      let now = Date.parse((await control.now()).now);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(now);
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
        await control.advanceClock(step / 1000);
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
      const me = await fetch(`${sandbox.url}/me?fields=username`, {
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
