/**
 * The background's single message handler: it checks who is asking, validates the request, runs
 * it, and turns any failure into an error payload. Nothing here throws back into the runtime.
 */
import { readAccountToken, removeAccount } from '@/utils/vault/account-store';
import { words } from '@/utils/words';
import { checkNow, refreshNow } from '@/utils/upkeep/account-upkeep';
import { readPopupState } from './read-app-state';
import { scheduleClipboardClear } from '@/utils/clipboard/schedule-clear';
import { importToken } from '@/utils/connect/import-token';
import { inspectFacebookAccount } from '@/utils/facebook/inspect-facebook-account';
import { startConnect, type ConnectPlatform } from '@/utils/connect/connect-account';
import { reconnectBridge } from '@/utils/bridge/bridge-port';
import { checkSetup } from '@/utils/connect/check-setup';
import { dismissProgress } from '@/utils/connect/connect-progress';
import { AppError, toErrorPayload } from '@/utils/errors';
import { readCliAccess, saveCliAccess } from '@/utils/settings/cli-access';
import { createDefaultSettings } from '@/utils/settings/settings';
import { readLifecycleState } from '@/utils/upkeep/lifecycle-state';
import { bridgeStatusItem } from '@/utils/vault/storage-items';
import { readSettings, saveSettings } from '@/utils/settings/settings-store';
import { RequestSchema, type Reply, type Request, type ResponseMap } from '@/utils/messages';
import {
  changePassphrase,
  enablePassphrase,
  getVaultStatus,
  lockVault,
  removePassphrase,
  resetVault,
  setAutoLockMinutes,
  unlockVault,
} from '@/utils/vault/vault';

/** The parts of `runtime.MessageSender` this handler looks at. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** The extension's own identity, passed in so that tests can state it. */
export interface ExtensionIdentity {
  id: string;
  /** `runtime.getURL('')`, e.g. `chrome-extension://<id>/`. */
  baseUrl: string;
}

/** What the handlers need from the browser; tests pass fakes. */
export interface HandlerContext extends ExtensionIdentity {
  platform: ConnectPlatform;
}

/**
 * Only the extension's own pages may talk to the background: same extension id, and a URL inside
 * the extension. Content scripts (there are none) and other extensions are refused.
 */
export function isOwnPage(sender: MessageSenderLike, self: ExtensionIdentity): boolean {
  return (
    sender.id === self.id && typeof sender.url === 'string' && sender.url.startsWith(self.baseUrl)
  );
}

type Handlers = {
  [K in Request['type']]: (
    request: Extract<Request, { type: K }>,
    context: HandlerContext,
  ) => Promise<ResponseMap[K]>;
};

/** Vault actions answer with the vault's new status, so the page can redraw at once. */
function thenVaultStatus<R>(action: (request: R) => Promise<void>) {
  return async (request: R) => {
    await action(request);
    return getVaultStatus();
  };
}

const handlers: Handlers = {
  getState: (_request, { platform }) => readPopupState(platform.redirectUri),
  unlock: thenVaultStatus(({ passphrase }) => unlockVault(passphrase)),
  lock: thenVaultStatus(lockVault),
  enablePassphrase: thenVaultStatus(({ passphrase }) => enablePassphrase(passphrase)),
  changePassphrase: thenVaultStatus(({ current, next }) => changePassphrase(current, next)),
  removePassphrase: thenVaultStatus(({ current }) => removePassphrase(current)),
  setAutoLock: thenVaultStatus(({ minutes }) => setAutoLockMinutes(minutes)),
  resetVault: thenVaultStatus(resetVault),
  getSettings: async (_request, { platform }) => ({
    settings: await readSettings().catch(() => null),
    defaults: createDefaultSettings(),
    redirectUri: platform.redirectUri,
  }),
  saveSettings: ({ settings }) => saveSettings(settings),
  connect: async ({ profileId }, { platform }) => {
    await startConnect(profileId, platform);
    return null;
  },
  checkSetup: async ({ profileId }, { platform }) =>
    checkSetup(await readSettings(), platform.redirectUri, profileId),
  dismissConnect: async () => {
    await dismissProgress();
    return null;
  },
  getToken: async ({ accountId, slot }) => ({ token: await readAccountToken(accountId, slot) }),
  inspectToken: ({ accountId }) => inspectFacebookAccount(accountId),
  refreshNow: ({ accountId }) => refreshNow(accountId),
  checkNow: ({ accountId }) => checkNow(accountId),
  removeAccount: async ({ accountId }) => {
    await removeAccount(accountId);
    return null;
  },
  importToken: ({ token, profileId }) => importToken(token, profileId),
  getCliAccess: async () => {
    const bridge = await bridgeStatusItem.read();
    return { access: await readCliAccess(), bridge: bridge.success ? bridge.data : null };
  },
  saveCliAccess: ({ access }) => saveCliAccess(access),
  reconnectBridge: async () => {
    await reconnectBridge(await readLifecycleState());
    return null;
  },
  clipboardCopied: async ({ hash }) => {
    const { clipboardClearSeconds } = await readSettings();
    if (clipboardClearSeconds !== null) await scheduleClipboardClear(hash, clipboardClearSeconds);
    return null;
  },
};

function dispatch<K extends Request['type']>(
  request: Extract<Request, { type: K }>,
  context: HandlerContext,
): Promise<ResponseMap[K]> {
  const handler: Handlers[K] = handlers[request.type];
  return handler(request, context);
}

/** Validates and runs one request from a page. */
export async function handleMessage(
  message: unknown,
  sender: MessageSenderLike,
  context: HandlerContext,
): Promise<Reply<unknown>> {
  try {
    if (!isOwnPage(sender, context)) {
      throw new AppError('invalid_message', {
        message: words('request_foreign'),
      });
    }
    const request = RequestSchema.safeParse(message);
    if (!request.success) throw new AppError('invalid_message', { cause: request.error });
    return { ok: true, data: await dispatch(request.data, context) };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
}
