/**
 * Everything the lifecycle and the pages decide from, read in one place: the settings, the
 * vault's status and the stored accounts at one moment.
 */
import { toErrorPayload, type ErrorPayload } from '@/utils/errors';
import type { Settings } from '@/utils/settings/settings';
import { listAccounts, type AccountSummary } from '@/utils/vault/account-store';
import { getVaultStatus, type VaultStatus } from '@/utils/vault/vault';
import { lifecyclePolicy, readUpkeepSettings, type LifecyclePolicy } from './lifecycle-policy';

/** Accounts, policy and lock state at one moment. */
export interface LifecycleState {
  accounts: AccountSummary[];
  policy: LifecyclePolicy;
  locked: boolean;
  /** Null when the vault cannot be read; `vaultError` then says why. */
  vault: VaultStatus | null;
  /** Why the vault cannot be read, if it cannot; there are then no accounts to look after. */
  vaultError: ErrorPayload | null;
  /** The stored settings, or the defaults when they cannot be read (`settingsReadable`). */
  settings: Settings;
  settingsReadable: boolean;
  now: number;
}

/**
 * Reads the lifecycle state. Unreadable settings fall back to defaults; an unreadable vault has no
 * accounts to look after.
 */
export async function readLifecycleState(): Promise<LifecycleState> {
  const [vault, { settings, readable }] = await Promise.all([
    Promise.all([getVaultStatus(), listAccounts()]).then(
      ([status, accounts]) => ({ status, accounts, error: null }),
      (error: unknown) => ({ status: null, accounts: [], error: toErrorPayload(error) }),
    ),
    readUpkeepSettings(),
  ]);
  return {
    accounts: vault.accounts,
    policy: lifecyclePolicy(settings),
    locked: vault.status?.locked ?? false,
    vault: vault.status,
    vaultError: vault.error,
    settings,
    settingsReadable: readable,
    now: Date.now(),
  };
}
