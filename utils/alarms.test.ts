import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ALARM_NAMES, MIN_ALARM_PERIOD_MINUTES, ensureAlarms } from './alarms';
import { handleAlarm } from './handle-alarm';
import { enablePassphrase, getVaultStatus } from './vault/vault';

describe('ensureAlarms', () => {
  it('should create the auto-lock alarm once, however often it runs', async () => {
    await ensureAlarms();
    await ensureAlarms();

    const alarms = await browser.alarms.getAll();
    expect(alarms.map((alarm) => alarm.name)).toEqual([ALARM_NAMES.autoLock]);
    expect(alarms.every((alarm) => (alarm.periodInMinutes ?? 1) >= MIN_ALARM_PERIOD_MINUTES)).toBe(
      true,
    );
  });

  it('should recreate alarms lost at a restart', async () => {
    await ensureAlarms();
    await browser.alarms.clearAll();

    await ensureAlarms();

    expect(await browser.alarms.get(ALARM_NAMES.autoLock)).toBeDefined();
  });
});

describe('the auto-lock alarm', () => {
  it('should lock an idle vault when it fires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
    await enablePassphrase('long enough pass');
    vi.setSystemTime(new Date('2026-11-28T12:15:00Z'));

    await handleAlarm(ALARM_NAMES.autoLock);

    expect(await browser.storage.session.get(null)).toEqual({});
    expect(await getVaultStatus()).toMatchObject({ locked: true });
  });
});
