/** A snapshot of everything the popup and the badge show, read from storage. */
import { listAccounts, type AccountSummary } from './account-store';
import { toErrorPayload, type ErrorPayload } from './errors';
import { getVaultStatus, type VaultStatus } from './vault/vault';

/** The vault's state and the stored accounts. */
export interface AppState {
  /** Null when the vault cannot be read; `vaultError` then says why. */
  vault: VaultStatus | null;
  vaultError: ErrorPayload | null;
  accounts: AccountSummary[];
}

/** Reads the current state; an unreadable vault becomes `vaultError` rather than a throw. */
export async function readAppState(): Promise<AppState> {
  try {
    const [vault, accounts] = await Promise.all([getVaultStatus(), listAccounts()]);
    return { vault, vaultError: null, accounts };
  } catch (error) {
    return { vault: null, vaultError: toErrorPayload(error), accounts: [] };
  }
}
