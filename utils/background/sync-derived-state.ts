/**
 * Brings everything derived from stored state in line with it: the upkeep alarms, the toolbar
 * badge, the notifications and the command-line bridge (its port and the token stamps its hooks
 * wait for). Runs when the worker wakes and whenever storage changes, so no
 * code path has to remember to update them.
 */
import { syncBridge } from '@/utils/bridge/bridge-port';
import { reconcileAlarms } from '@/utils/upkeep/alarms';
import { updateBadge } from '@/utils/upkeep/badge';
import { readLifecycleState } from '@/utils/upkeep/lifecycle-state';
import { notifyAccounts } from '@/utils/upkeep/notify-accounts';

/** Reconciles alarms, redraws the badge, sends due notifications and syncs the bridge. */
export async function syncDerivedState(): Promise<void> {
  const state = await readLifecycleState();
  await Promise.all([
    reconcileAlarms(state),
    updateBadge(state),
    notifyAccounts(state),
    syncBridge(state),
  ]);
}

let pending: Promise<void> | undefined;
let again = false;

/**
 * Coalesces bursts of storage changes into as few syncs as needed: one running, at most one
 * queued behind it.
 */
export function requestSync(): Promise<void> {
  if (pending) {
    again = true;
    return pending;
  }
  pending = (async () => {
    do {
      again = false;
      await syncDerivedState();
    } while (again);
  })().finally(() => {
    pending = undefined;
  });
  return pending;
}
