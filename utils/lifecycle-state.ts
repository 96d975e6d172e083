/** Everything the lifecycle decides from, read in one place. */
import { listAccounts, type AccountSummary } from './account-store';
import { toErrorPayload, type ErrorPayload } from './errors';
import { lifecyclePolicy, type LifecyclePolicy } from './lifecycle-policy';
import { createDefaultSettings } from './settings';
import { readSettings } from './settings-store';
import { getVaultStatus } from './vault/vault';

/** Accounts, policy and lock state at one moment. */
export interface LifecycleState {
  accounts: AccountSummary[];
  policy: LifecyclePolicy;
  locked: boolean;
  /** Why the vault cannot be read, if it cannot; there are then no accounts to look after. */
  vaultError: ErrorPayload | null;
  now: number;
}

/**
 * Reads the lifecycle state. Unreadable settings fall back to defaults, so that a settings problem
 * never stops tokens from being refreshed; an unreadable vault has no accounts to look after.
 */
export async function readLifecycleState(): Promise<LifecycleState> {
  const [vault, settings] = await Promise.all([
    Promise.all([getVaultStatus(), listAccounts()]).then(
      ([status, accounts]) => ({ status, accounts, error: null }),
      (error: unknown) => ({ status: null, accounts: [], error: toErrorPayload(error) }),
    ),
    readSettings().catch(() => createDefaultSettings()),
  ]);
  return {
    accounts: vault.accounts,
    policy: lifecyclePolicy(settings),
    locked: vault.status?.locked ?? false,
    vaultError: vault.error,
    now: Date.now(),
  };
}
