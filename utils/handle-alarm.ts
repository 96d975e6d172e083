/** What each alarm does when it fires. */
import { ALARM_NAMES } from './alarms';
import { lockVaultIfIdle } from './vault/vault';

/** Runs the work behind one alarm; unknown alarms (from an older version) are ignored. */
export async function handleAlarm(name: string): Promise<void> {
  if (name === ALARM_NAMES.autoLock) await lockVaultIfIdle();
}
