/**
 * The logins in progress. Each has a random 256-bit `state` and a PKCE verifier, lives 10 minutes
 * in memory-only `storage.session`, and is consumed on first use. Every change is a
 * read-modify-write of one item, so all of them take turns.
 */
import { bytesToBase64Url } from '@/utils/vault/base64';
import { runExclusive } from '@/utils/run-exclusive';
import { pendingFlowsItem, type PendingFlow } from '@/utils/vault/storage-items';

/** How long a login may take before its state is refused. */
export const STATE_TTL_MS = 10 * 60_000;

/** The lock every read-modify-write of the pending logins takes. */
const FLOWS_LOCK = 'pendingFlows';

/** Random bytes as unpadded base64url, the form used for `state` and PKCE. */
export function randomBase64Url(byteCount: number): string {
  return bytesToBase64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** The S256 PKCE challenge of a verifier (RFC 7636 §4.2). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return bytesToBase64Url(new Uint8Array(digest));
}

async function readStoredFlows(): Promise<Record<string, PendingFlow>> {
  const parsed = await pendingFlowsItem.read();
  return parsed.success ? parsed.data : {};
}

async function readPendingFlows(now: number): Promise<Record<string, PendingFlow>> {
  return Object.fromEntries(
    Object.entries(await readStoredFlows()).filter(
      ([, flow]) => now - flow.createdAt < STATE_TTL_MS,
    ),
  );
}

/** Starts a login: creates and stores a fresh state and PKCE verifier. */
export function beginFlow(
  profileId: string,
  redirectUri: string,
): Promise<{ state: string; codeVerifier: string }> {
  return runExclusive(FLOWS_LOCK, async () => {
    const now = Date.now();
    const state = randomBase64Url(32);
    const codeVerifier = randomBase64Url(48);
    const flows = await readPendingFlows(now);
    await pendingFlowsItem.write({
      ...flows,
      [state]: { createdAt: now, profileId, redirectUri, codeVerifier },
    });
    return { state, codeVerifier };
  });
}

/**
 * Takes this flow's own state out of storage, whatever the redirect says, and returns its login
 * if it is still fresh. Called on every way a login ends, so that no pending state outlives its
 * flow or can be used by another one.
 */
export function takeFlow(state: string): Promise<PendingFlow | undefined> {
  return runExclusive(FLOWS_LOCK, async () => {
    const flows = await readPendingFlows(Date.now());
    const flow = flows[state];
    delete flows[state];
    await pendingFlowsItem.write(flows);
    return flow;
  });
}

/**
 * Drops every login begun before `time`. A login lives in the memory of the worker that began it,
 * so once that worker has stopped no redirect can ever be matched to its state, and its state and
 * PKCE verifier would only linger.
 */
export function dropFlowsBegunBefore(time: number): Promise<void> {
  return runExclusive(FLOWS_LOCK, async () => {
    const stored = await readStoredFlows();
    const kept = Object.fromEntries(
      Object.entries(stored).filter(([, flow]) => flow.createdAt >= time),
    );
    // Nothing to drop is the usual case at start-up: no write, so no storage change to react to.
    if (Object.keys(kept).length < Object.keys(stored).length) await pendingFlowsItem.write(kept);
  });
}
