import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { makeAccount, makeLifecycleState } from '@/tests/support/fixtures';
import {
  ALARM_NAMES,
  LOCKED_RECHECK_MS,
  MIN_ALARM_PERIOD_MINUTES,
  nextUpkeepAt,
  reconcileAlarms,
  upkeepAlarmName,
} from './alarms';
import { MIN_DELAY_MS } from './backoff';
import { handleAlarm } from '@/utils/background/handle-alarm';
import { lifecyclePolicy } from './lifecycle-policy';
import type { LifecycleState } from './lifecycle-state';
import { createDefaultSettings } from '@/utils/settings/settings';
import { enablePassphrase, getVaultStatus } from '@/utils/vault/vault';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-28T12:00:00Z');
const POLICY = lifecyclePolicy(createDefaultSettings());

function state(
  accounts: LifecycleState['accounts'],
  overrides: Partial<LifecycleState> = {},
): LifecycleState {
  return makeLifecycleState({ accounts, policy: POLICY, now: NOW, ...overrides });
}

const fresh = makeAccount({
  id: '1',
  issuedAt: NOW - 2 * DAY,
  expiresAt: NOW + 58 * DAY,
  lastCheckedAt: NOW - HOUR,
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

describe('nextUpkeepAt', () => {
  it('should be the next check when no refresh is due sooner', () => {
    expect(nextUpkeepAt(fresh, state([]))).toBe(NOW + 5 * HOUR);
  });

  it('should be the refresh time when it comes before the next check', () => {
    const account = {
      ...fresh,
      issuedAt: NOW - 50 * DAY + 2 * HOUR,
      expiresAt: NOW + 10 * DAY + 2 * HOUR,
      lastCheckedAt: NOW,
    };

    expect(nextUpkeepAt(account, state([]))).toBe(NOW + 2 * HOUR);
  });

  it('should run a check missed while the browser was closed at the 30-second minimum', () => {
    expect(nextUpkeepAt({ ...fresh, lastCheckedAt: NOW - 3 * DAY }, state([]))).toBe(
      NOW + MIN_DELAY_MS,
    );
  });

  it('should wait for a pending retry', () => {
    expect(
      nextUpkeepAt({ ...fresh, retry: { attempt: 2, notBefore: NOW + 7 * 60_000 } }, state([])),
    ).toBe(NOW + 7 * 60_000);
  });

  it('should look again only every 15 minutes while the vault is locked', () => {
    expect(nextUpkeepAt({ ...fresh, lastCheckedAt: 0 }, state([], { locked: true }))).toBe(
      NOW + LOCKED_RECHECK_MS,
    );
  });

  it.each(['revoked', 'expired'] as const)('should schedule nothing for a %s token', (health) => {
    expect(nextUpkeepAt({ ...fresh, health }, state([]))).toBeNull();
  });
});

describe('reconcileAlarms', () => {
  it('should create the auto-lock alarm and one alarm per living account, none under 30 s', async () => {
    const dead = makeAccount({ id: '2', health: 'revoked' });

    await reconcileAlarms(state([fresh, dead]));

    const alarms = await browser.alarms.getAll();
    expect(alarms.map((alarm) => alarm.name).sort()).toEqual([
      upkeepAlarmName('1'),
      ALARM_NAMES.autoLock,
    ]);
    expect(alarms.every((alarm) => (alarm.periodInMinutes ?? 1) >= MIN_ALARM_PERIOD_MINUTES)).toBe(
      true,
    );
    expect(alarms.every((alarm) => alarm.scheduledTime >= NOW + MIN_DELAY_MS)).toBe(true);
  });

  it('should recreate every alarm after a restart lost them, at the times the stored state gives', async () => {
    await reconcileAlarms(state([fresh]));
    const before = await browser.alarms.get(upkeepAlarmName('1'));
    await browser.alarms.clearAll();

    await reconcileAlarms(state([fresh]));

    expect(await browser.alarms.get(ALARM_NAMES.autoLock)).toBeDefined();
    expect((await browser.alarms.get(upkeepAlarmName('1')))?.scheduledTime).toBe(
      before?.scheduledTime,
    );
  });

  it('should be idempotent: running it again changes nothing', async () => {
    await reconcileAlarms(state([fresh]));
    const first = await browser.alarms.getAll();

    vi.setSystemTime(NOW + 60_000);
    await reconcileAlarms(state([fresh], { now: NOW + 60_000 }));

    expect(await browser.alarms.getAll()).toEqual(first);
  });

  it('should remove the alarm of an account that was removed', async () => {
    await reconcileAlarms(state([fresh]));

    await reconcileAlarms(state([]));

    expect(await browser.alarms.get(upkeepAlarmName('1'))).toBeUndefined();
  });

  it('should bring forward an alarm scheduled later than needed', async () => {
    await browser.alarms.create(upkeepAlarmName('1'), { when: NOW + 30 * DAY });

    await reconcileAlarms(state([fresh]));

    expect((await browser.alarms.get(upkeepAlarmName('1')))?.scheduledTime).toBe(NOW + 5 * HOUR);
  });
});

describe('the auto-lock alarm', () => {
  it('should lock an idle vault when it fires', async () => {
    await enablePassphrase('long enough pass');
    vi.setSystemTime(NOW + 15 * 60_000);

    await handleAlarm(ALARM_NAMES.autoLock);

    expect(await browser.storage.session.get(null)).toEqual({});
    expect(await getVaultStatus()).toMatchObject({ locked: true });
  });
});
