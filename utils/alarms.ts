/**
 * Alarm names and their (re)creation. Alarms can be lost at browser restart (Firefox keeps them
 * only in memory), so they are recreated idempotently on every background start; what they do is
 * always decided from stored timestamps, never from when they fire.
 */
import { browser } from 'wxt/browser';

/** Every alarm this extension creates. */
export const ALARM_NAMES = {
  autoLock: 'vault-auto-lock',
} as const;

/** Chrome refuses alarm periods under 30 s for packed extensions; Firefox enforces nothing. */
export const MIN_ALARM_PERIOD_MINUTES = 0.5;

const AUTO_LOCK_PERIOD_MINUTES = 1;

/** Creates every periodic alarm that is missing, leaving existing ones (and their timing) alone. */
export async function ensureAlarms(): Promise<void> {
  const existing = await browser.alarms.get(ALARM_NAMES.autoLock);
  if (!existing) {
    await browser.alarms.create(ALARM_NAMES.autoLock, {
      periodInMinutes: Math.max(AUTO_LOCK_PERIOD_MINUTES, MIN_ALARM_PERIOD_MINUTES),
    });
  }
}
