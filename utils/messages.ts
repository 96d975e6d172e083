/**
 * The one message protocol between pages (popup, options) and the background. Requests are
 * zod-validated in the background before anything runs; replies are `{ok:true,data}` or
 * `{ok:false,error}`.
 */
import type { DebugToken } from '@/shared/exchange-contract';
import * as z from 'zod/mini';
import type { PopupState } from '@/utils/background/read-app-state';
import type { SetupReport } from '@/utils/connect/check-setup';
import type { CliAccess } from '@/utils/settings/cli-access';
import type { Settings } from '@/utils/settings/settings';
import type { UpkeepReport } from '@/utils/upkeep/account-upkeep';
import type { BridgeStatus } from '@/utils/vault/storage-items';
import type { VaultStatus } from '@/utils/vault/vault';
import type { ErrorPayload } from './errors';

const Passphrase = z.string().check(z.maxLength(1024));
const AccountId = z.string().check(z.regex(/^\d{1,40}$/));
/** A damaged record may sit under any key; removing it must still be possible. */
const StoredKey = z.string().check(z.minLength(1), z.maxLength(200));
const ProfileId = z.string().check(z.maxLength(40));

/**
 * Every request a page may send. A plain union rather than `z.discriminatedUnion`, which would cost
 * the background half a kilobyte; a miss is refused either way.
 */
export const RequestSchema = z.union([
  z.object({ type: z.literal('getState') }),
  z.object({ type: z.literal('unlock'), passphrase: Passphrase }),
  z.object({ type: z.literal('lock') }),
  z.object({ type: z.literal('enablePassphrase'), passphrase: Passphrase }),
  z.object({ type: z.literal('changePassphrase'), current: Passphrase, next: Passphrase }),
  z.object({ type: z.literal('removePassphrase'), current: Passphrase }),
  z.object({
    type: z.literal('setAutoLock'),
    minutes: z.number().check(z.int(), z.gte(1), z.lte(24 * 60)),
  }),
  z.object({ type: z.literal('resetVault') }),
  z.object({ type: z.literal('getSettings') }),
  // The settings themselves are validated field by field by the settings store.
  z.object({ type: z.literal('saveSettings'), settings: z.unknown() }),
  z.object({ type: z.literal('connect'), profileId: z.optional(ProfileId) }),
  z.object({ type: z.literal('checkSetup'), profileId: z.optional(ProfileId) }),
  z.object({ type: z.literal('dismissConnect') }),
  z.object({
    type: z.literal('getToken'),
    accountId: AccountId,
    /** `pageToken`: the token of the Page a Facebook Login account came through. */
    slot: z.optional(z.enum(['token', 'pageToken'])),
  }),
  z.object({ type: z.literal('inspectToken'), accountId: AccountId }),
  z.object({ type: z.literal('refreshNow'), accountId: AccountId }),
  z.object({ type: z.literal('checkNow'), accountId: AccountId }),
  z.object({ type: z.literal('removeAccount'), accountId: StoredKey }),
  z.object({
    type: z.literal('importToken'),
    token: z.string().check(z.maxLength(4096)),
    profileId: z.optional(ProfileId),
  }),
  z.object({ type: z.literal('getCliAccess') }),
  // The access itself is validated by the command-line access store.
  z.object({ type: z.literal('saveCliAccess'), access: z.unknown() }),
  z.object({ type: z.literal('reconnectBridge') }),
  z.object({
    type: z.literal('clipboardCopied'),
    hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  }),
]);
/** A validated request. */
export type Request = z.infer<typeof RequestSchema>;
/** The name of a request. */
export type RequestType = Request['type'];

/** The data each request answers with. */
export interface ResponseMap {
  getState: PopupState;
  unlock: VaultStatus;
  lock: VaultStatus;
  enablePassphrase: VaultStatus;
  changePassphrase: VaultStatus;
  removePassphrase: VaultStatus;
  setAutoLock: VaultStatus;
  resetVault: VaultStatus;
  getSettings: SettingsView;
  saveSettings: Settings;
  connect: null;
  checkSetup: SetupReport;
  dismissConnect: null;
  getToken: { token: string };
  refreshNow: UpkeepReport;
  checkNow: UpkeepReport;
  removeAccount: null;
  importToken: { accountId: string; username: string; replaced: boolean; expiresAt: number | null };
  inspectToken: DebugToken;
  clipboardCopied: null;
  getCliAccess: CliAccessView;
  saveCliAccess: CliAccess;
  reconnectBridge: null;
}

/** What the options page shows of command-line access: the setting and the bridge's state. */
export interface CliAccessView {
  access: CliAccess;
  /** Null while access is off or no port was tried yet. */
  bridge: BridgeStatus | null;
}

/** What the options page needs: the settings and the redirect URI to register with Meta. */
export interface SettingsView {
  /** Null when stored settings cannot be read; the page then starts from defaults. */
  settings: Settings | null;
  defaults: Settings;
  redirectUri: string;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };
