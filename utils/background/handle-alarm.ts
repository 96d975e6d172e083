/** What each alarm does when it fires. */
import { accountIdOfAlarm, ALARM_NAMES, scheduleUpkeep } from '@/utils/upkeep/alarms';
import { runDueUpkeep } from '@/utils/upkeep/account-upkeep';
import { CLIPBOARD_ALARM, runClipboardJob } from '@/utils/clipboard/schedule-clear';
import { AppError } from '@/utils/errors';
import { readLifecycleState } from '@/utils/upkeep/lifecycle-state';
import { lockVaultIfIdle } from '@/utils/vault/vault';

/** Runs the work behind one alarm; unknown alarms (from an older version) are ignored. */
export async function handleAlarm(name: string): Promise<void> {
  if (name === ALARM_NAMES.autoLock) {
    await lockVaultIfIdle();
    return;
  }
  if (name === CLIPBOARD_ALARM) {
    await runClipboardJob();
    return;
  }
  const accountId = accountIdOfAlarm(name);
  if (accountId === undefined) return;
  try {
    await runDueUpkeep(accountId);
  } catch (error) {
    // Locked: nothing can run until unlock, which reschedules. Removed: nothing to do.
    const expected =
      error instanceof AppError &&
      (error.code === 'vault_locked' || error.code === 'account_not_found');
    if (!expected) throw error;
  } finally {
    // The alarm that fired is gone; the next one is set from what is stored now.
    const state = await readLifecycleState();
    const account = state.accounts.find((candidate) => candidate.id === accountId);
    if (account) await scheduleUpkeep(account, state);
  }
}
