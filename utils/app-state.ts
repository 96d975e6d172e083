/** A snapshot of everything the popup and the badge show, read from storage. */
import { listAccounts, type AccountSummary } from './account-store';
import { readConnectProgress, type ConnectProgress } from './connect-account';
import { toErrorPayload, type ErrorPayload } from './errors';
import { readSettings } from './settings-store';
import { getVaultStatus, type VaultStatus } from './vault/vault';

/** The vault's state, the stored accounts, and the connect flow. */
export interface AppState {
  /** Null when the vault cannot be read; `vaultError` then says why. */
  vault: VaultStatus | null;
  vaultError: ErrorPayload | null;
  accounts: AccountSummary[];
  connect: ConnectProgress | null;
  /** Whether the active app profile has a client ID and a proxy, so Connect can work. */
  setupComplete: boolean;
}

async function isSetupComplete(): Promise<boolean> {
  try {
    const settings = await readSettings();
    const active = settings.profiles.find((profile) => profile.id === settings.activeProfileId);
    return Boolean(active?.clientId && active.proxyUrl);
  } catch {
    return false;
  }
}

/** Reads the current state; an unreadable vault becomes `vaultError` rather than a throw. */
export async function readAppState(): Promise<AppState> {
  const [connect, setupComplete] = await Promise.all([readConnectProgress(), isSetupComplete()]);
  const shared = { connect: connect ?? null, setupComplete };
  try {
    const [vault, accounts] = await Promise.all([getVaultStatus(), listAccounts()]);
    return { ...shared, vault, vaultError: null, accounts };
  } catch (error) {
    return { ...shared, vault: null, vaultError: toErrorPayload(error), accounts: [] };
  }
}
