/** A snapshot of everything the popup shows, read from storage. */
import { listAccounts, readTokenPreviews, type AccountSummary } from './account-store';
import { readConnectProgress, type ConnectProgress } from './connect-account';
import { toErrorPayload, type ErrorPayload } from './errors';
import { lifecyclePolicy } from './lifecycle-policy';
import { createDefaultSettings, type Settings } from './settings';
import { readSettings } from './settings-store';
import { getVaultStatus, type VaultStatus } from './vault/vault';

/** The vault's state, the stored accounts, the connect flow, and what the popup needs to judge them. */
export interface AppState {
  /** Null when the vault cannot be read; `vaultError` then says why. */
  vault: VaultStatus | null;
  vaultError: ErrorPayload | null;
  accounts: AccountSummary[];
  connect: ConnectProgress | null;
  /** Whether the active app profile has a client ID and a proxy, so Connect can work. */
  setupComplete: boolean;
  /** A token this close to expiry is "expiring". */
  warningWindowMs: number;
  /** App profiles, for the inspect panel and for building copy formats. */
  profiles: ProfileView[];
}

/** What pages may know of an app profile (no secrets are stored in one anyway). */
export interface ProfileView {
  id: string;
  name: string;
  proxyUrl: string;
  graphUrl: string;
}

/** The popup's state: the app state plus each token in its masked form. */
export interface PopupState extends AppState {
  tokenPreviews: Record<string, string>;
}

function isSetupComplete(settings: Settings): boolean {
  const active = settings.profiles.find((profile) => profile.id === settings.activeProfileId);
  return Boolean(active?.clientId && active.proxyUrl);
}

/** Reads the current state; an unreadable vault becomes `vaultError` rather than a throw. */
export async function readAppState(): Promise<AppState> {
  const [connect, stored] = await Promise.all([
    readConnectProgress(),
    readSettings().catch(() => null),
  ]);
  const settings = stored ?? createDefaultSettings();
  const shared = {
    connect: connect ?? null,
    setupComplete: stored !== null && isSetupComplete(stored),
    warningWindowMs: lifecyclePolicy(settings).warningWindowMs,
    profiles: settings.profiles.map(({ id, name, proxyUrl, graphUrl }) => ({
      id,
      name,
      proxyUrl,
      graphUrl,
    })),
  };
  try {
    const [vault, accounts] = await Promise.all([getVaultStatus(), listAccounts()]);
    return { ...shared, vault, vaultError: null, accounts };
  } catch (error) {
    return { ...shared, vault: null, vaultError: toErrorPayload(error), accounts: [] };
  }
}

/** The app state with masked tokens, for the popup; reading them means decrypting each once. */
export async function readPopupState(): Promise<PopupState> {
  const state = await readAppState();
  const tokenPreviews = state.vaultError ? {} : await readTokenPreviews();
  return { ...state, tokenPreviews };
}
