/**
 * The native port to the `igtt` host (`runtime.connectNative`). It is opened when command-line
 * access is on, and stays open until the browser closes even if access is then turned off: the
 * command line is then told "access is off" (exit 5) instead of finding no bridge (exit 3), and
 * nothing is read. An open port keeps the MV3 worker alive, so the command line is answered at
 * once. The port carries requests from the host, the host's hook reports, and the token stamps
 * the hooks need (none while access is off).
 */
import { browser } from 'wxt/browser';
import { words } from '@/utils/words';
import {
  BRIDGE_HOST_NAME,
  HostMessageSchema,
  type ExtensionMessage,
} from '@/shared/bridge-protocol';
import { isCliAllowed, readCliAccess } from '@/utils/settings/cli-access';
import type { LifecycleState } from '@/utils/upkeep/lifecycle-state';
import { bridgeStatusItem } from '@/utils/vault/storage-items';
import { answerBridgeRequest, tokenStamp } from './answer-bridge-request';
import { recordHookReport } from './record-bridge-use';

/** After a port fails, how long before a sync opens another (a missing host fails at once). */
const RETRY_AFTER_FAILURE_MS = 60_000;

/** The part of `runtime.Port` the bridge uses; tests hand in their own. */
export interface NativePort {
  postMessage(message: ExtensionMessage): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** Opens a native port to the named host. */
export type ConnectNative = (hostName: string) => NativePort;

/** The browser's own `runtime.connectNative`, where it exists (not in unit tests). */
const connectWithBrowser: ConnectNative = (hostName) => browser.runtime.connectNative(hostName);

let port: NativePort | undefined;
/** The stamps last sent over the current port, so that only a change is sent again. */
let sentStamps: string | undefined;
/** No new port before this time; without it, a missing host would be retried on every sync. */
let retryAfter = 0;

function post(message: ExtensionMessage): void {
  port?.postMessage(message);
}

async function onHostMessage(message: unknown): Promise<void> {
  const parsed = HostMessageSchema.safeParse(message);
  // A host that speaks another protocol is ignored rather than trusted.
  if (!parsed.success) return;
  const { data } = parsed;
  if (data.kind === 'hook-report') {
    await recordHookReport(data);
    return;
  }
  post({ kind: 'response', id: data.id, reply: await answerBridgeRequest(data.request) });
}

function openPort(connect: ConnectNative): NativePort {
  const opened = connect(BRIDGE_HOST_NAME);
  sentStamps = undefined;
  opened.onMessage.addListener((message: unknown) => void onHostMessage(message));
  opened.onDisconnect.addListener(() => {
    if (port === opened) port = undefined;
    retryAfter = Date.now() + RETRY_AFTER_FAILURE_MS;
    // Chrome says why here, e.g. "Specified native messaging host not found."
    const problem = browser.runtime.lastError?.message ?? words('host_stopped');
    void bridgeStatusItem.write({ connected: false, problem, updatedAt: Date.now() });
  });
  void bridgeStatusItem.write({ connected: true, updatedAt: Date.now() });
  return opened;
}

/** Closes the port, so that the host exits (the browser fires no disconnect event for it). */
async function closeBridge(): Promise<void> {
  port?.disconnect();
  port = undefined;
  await bridgeStatusItem.remove();
}

/** Drops the port and opens a new one at once, e.g. after `igtt install` or a host update. */
export async function reconnectBridge(
  state: LifecycleState,
  connect: ConnectNative = connectWithBrowser,
): Promise<void> {
  await closeBridge();
  retryAfter = 0;
  await syncBridge(state, connect);
}

/**
 * Opens or closes the port to match the command-line access setting, and tells the host the
 * current token stamps when they changed. Called on every sync of derived state.
 */
export async function syncBridge(
  state: LifecycleState,
  connect: ConnectNative = connectWithBrowser,
): Promise<void> {
  const access = await readCliAccess();
  if (!port && (!access.enabled || Date.now() < retryAfter)) return;
  port ??= openPort(connect);
  const accounts = state.accounts
    .filter((account) => isCliAllowed(access, account.id))
    .map((account) => ({ id: account.id, username: account.username, stamp: tokenStamp(account) }));
  const stamps = JSON.stringify(accounts);
  if (stamps === sentStamps) return;
  sentStamps = stamps;
  post({ kind: 'token-stamps', accounts });
}
