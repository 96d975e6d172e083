/** A snapshot of everything the popup and the options page show, built on the lifecycle state. */
import type { Flavor } from '@/shared/exchange-contract';
import { readConnectProgress } from '@/utils/connect/connect-progress';
import type { ErrorPayload } from '@/utils/errors';
import { isProfileReady, selectProfile } from '@/utils/settings/select-profile';
import { readLifecycleState } from '@/utils/upkeep/lifecycle-state';
import {
  listDamagedAccounts,
  readTokenPreviews,
  type AccountSummary,
  type DamagedAccountView,
} from '@/utils/vault/account-store';
import type { ConnectProgress } from '@/utils/vault/storage-items';
import type { VaultStatus } from '@/utils/vault/vault';

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
  activeProfileId: string;
}

/** What pages may know of an app profile (no secrets are stored in one anyway). */
export interface ProfileView {
  id: string;
  name: string;
  flavor: Flavor;
  /** Facebook Login profiles put it in every Graph path. */
  graphVersion: string;
  clientId: string;
  scopes: readonly string[];
  proxyUrl: string;
  graphUrl: string;
}

/** The popup's state: the app state, each token in its masked form, and what needs repair. */
export interface PopupState extends AppState {
  tokenPreviews: Record<string, string>;
  /** Stored accounts that cannot be read; the others are unaffected. */
  damagedAccounts: DamagedAccountView[];
  /** The redirect URI to register, for the setup checklist after a failed login. */
  redirectUri: string;
}

/** Reads the current state; an unreadable vault becomes `vaultError` rather than a throw. */
export async function readAppState(): Promise<AppState> {
  const [connect, lifecycle] = await Promise.all([readConnectProgress(), readLifecycleState()]);
  const { settings } = lifecycle;
  return {
    vault: lifecycle.vault,
    vaultError: lifecycle.vaultError,
    accounts: lifecycle.accounts,
    connect: connect ?? null,
    setupComplete: lifecycle.settingsReadable && isProfileReady(selectProfile(settings)),
    warningWindowMs: lifecycle.policy.warningWindowMs,
    profiles: settings.profiles.map((profile) => ({
      id: profile.id,
      name: profile.name,
      flavor: profile.flavor,
      graphVersion: profile.graphVersion,
      clientId: profile.clientId,
      scopes: profile.scopes,
      proxyUrl: profile.proxyUrl,
      graphUrl: profile.graphUrl,
    })),
    activeProfileId: settings.activeProfileId,
  };
}

/** The app state with masked tokens, for the popup; reading them means decrypting each once. */
export async function readPopupState(redirectUri: string): Promise<PopupState> {
  const state = await readAppState();
  if (state.vaultError) return { ...state, tokenPreviews: {}, damagedAccounts: [], redirectUri };
  const [tokenPreviews, damagedAccounts] = await Promise.all([
    readTokenPreviews(),
    listDamagedAccounts(),
  ]);
  return { ...state, tokenPreviews, damagedAccounts, redirectUri };
}
