/** Everything the lifecycle decides from, read in one place. */
import { listAccounts, type AccountSummary } from './account-store';
import { lifecyclePolicy, type LifecyclePolicy } from './lifecycle-policy';
import { createDefaultSettings } from './settings';
import { readSettings } from './settings-store';
import { getVaultStatus } from './vault/vault';

/** Accounts, policy and lock state at one moment. */
export interface LifecycleState {
  accounts: AccountSummary[];
  policy: LifecyclePolicy;
  locked: boolean;
  now: number;
}

/**
 * Reads the lifecycle state. Unreadable settings fall back to defaults, so that a settings problem
 * never stops tokens from being refreshed; an unreadable vault has no accounts to look after.
 */
export async function readLifecycleState(): Promise<LifecycleState> {
  const [accounts, settings, vault] = await Promise.all([
    listAccounts().catch(() => []),
    readSettings().catch(() => createDefaultSettings()),
    getVaultStatus().catch(() => null),
  ]);
  return {
    accounts,
    policy: lifecyclePolicy(settings),
    locked: vault?.locked ?? false,
    now: Date.now(),
  };
}
