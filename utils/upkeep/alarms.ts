/**
 * Alarm names and their reconciliation with stored accounts. Alarms can be lost at browser
 * restart (Firefox keeps them only in memory), so they are recreated idempotently on every
 * background start and whenever accounts change. What an alarm does is always decided from stored
 * timestamps, never from when it fired.
 */
import { browser } from 'wxt/browser';
import type { AccountSummary } from '@/utils/vault/account-store';
import { MIN_DELAY_MS } from './backoff';
import type { LifecycleState } from './lifecycle-state';
import { decideRefresh } from './refresh-policy';

/** Every alarm this extension creates: one periodic, plus one per account. */
export const ALARM_NAMES = {
  autoLock: 'vault-auto-lock',
  upkeepPrefix: 'upkeep:',
} as const;

/** Chrome refuses alarms under 30 s for packed extensions; Firefox enforces nothing, so we do. */
export const MIN_ALARM_PERIOD_MINUTES = 0.5;

/** While the vault is locked nothing can be refreshed; look again this often (unlock reschedules). */
export const LOCKED_RECHECK_MS = 15 * 60_000;

const AUTO_LOCK_PERIOD_MINUTES = 1;

/** The alarm that drives one account's refresh and checks. */
export function upkeepAlarmName(accountId: string): string {
  return `${ALARM_NAMES.upkeepPrefix}${accountId}`;
}

/** The account an upkeep alarm belongs to, if it is one. */
export function accountIdOfAlarm(name: string): string | undefined {
  return name.startsWith(ALARM_NAMES.upkeepPrefix)
    ? name.slice(ALARM_NAMES.upkeepPrefix.length)
    : undefined;
}

/**
 * When an account next needs attention: its retry time after a transient failure, else the
 * earlier of its next check and its refresh. Dead tokens need the user, not an alarm.
 */
export function nextUpkeepAt(
  account: AccountSummary,
  { policy, locked, now }: Omit<LifecycleState, 'accounts'>,
): number | null {
  if (account.health === 'revoked' || account.health === 'expired') return null;
  const decision = decideRefresh(account, policy, now);
  let refreshAt: number;
  if (decision.refresh) refreshAt = now;
  else if ('nextAt' in decision) refreshAt = decision.nextAt;
  else return null;
  const checkAt = (account.lastCheckedAt ?? 0) + policy.checkIntervalMs;
  const due = account.retry ? account.retry.notBefore : Math.min(refreshAt, checkAt);
  return Math.max(due, now + (locked ? LOCKED_RECHECK_MS : MIN_DELAY_MS));
}

/** (Re)creates an account's alarm for its next due time, or clears it when nothing is due. */
export async function scheduleUpkeep(
  account: AccountSummary,
  input: Omit<LifecycleState, 'accounts'>,
): Promise<void> {
  const when = nextUpkeepAt(account, input);
  const name = upkeepAlarmName(account.id);
  if (when === null) await browser.alarms.clear(name);
  else await browser.alarms.create(name, { when });
}

/**
 * Makes the alarms match the stored accounts: the auto-lock alarm, one upkeep alarm per living
 * account, none for removed ones. An existing alarm is kept when it fires no later than needed;
 * an early one is harmless, because the work it triggers re-decides from stored timestamps.
 */
export async function reconcileAlarms(input: LifecycleState): Promise<void> {
  const existing = new Map((await browser.alarms.getAll()).map((alarm) => [alarm.name, alarm]));
  if (!existing.has(ALARM_NAMES.autoLock)) {
    const minutes = Math.max(AUTO_LOCK_PERIOD_MINUTES, MIN_ALARM_PERIOD_MINUTES);
    await browser.alarms.create(ALARM_NAMES.autoLock, {
      delayInMinutes: minutes,
      periodInMinutes: minutes,
    });
  }
  const wanted = new Set<string>();
  for (const account of input.accounts) {
    const when = nextUpkeepAt(account, input);
    if (when === null) continue;
    const name = upkeepAlarmName(account.id);
    wanted.add(name);
    const scheduled = existing.get(name)?.scheduledTime;
    if (scheduled === undefined || scheduled > when + 1000)
      await browser.alarms.create(name, { when });
  }
  for (const name of existing.keys()) {
    if (accountIdOfAlarm(name) !== undefined && !wanted.has(name)) await browser.alarms.clear(name);
  }
}
