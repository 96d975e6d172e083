/**
 * The logins in progress. Each has a random 256-bit `state` and a PKCE verifier, lives 10 minutes
 * in memory-only `storage.session`, and is consumed on first use.
 */
import { bytesToBase64Url } from '@/utils/base64';
import { pendingFlowsItem, type PendingFlow } from '@/utils/vault/storage-items';

/** How long a login may take before its state is refused. */
export const STATE_TTL_MS = 10 * 60_000;

/** Random bytes as unpadded base64url, the form used for `state` and PKCE. */
export function randomBase64Url(byteCount: number): string {
  return bytesToBase64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** The S256 PKCE challenge of a verifier (RFC 7636 §4.2). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return bytesToBase64Url(new Uint8Array(digest));
}

async function readPendingFlows(now: number): Promise<Record<string, PendingFlow>> {
  const parsed = await pendingFlowsItem.read();
  const flows = parsed.success ? parsed.data : {};
  return Object.fromEntries(
    Object.entries(flows).filter(([, flow]) => now - flow.createdAt < STATE_TTL_MS),
  );
}

/** Starts a login: creates and stores a fresh state and PKCE verifier. */
export async function beginFlow(
  profileId: string,
  redirectUri: string,
): Promise<{ state: string; codeVerifier: string }> {
  const now = Date.now();
  const state = randomBase64Url(32);
  const codeVerifier = randomBase64Url(48);
  const flows = await readPendingFlows(now);
  await pendingFlowsItem.write({
    ...flows,
    [state]: { createdAt: now, profileId, redirectUri, codeVerifier },
  });
  return { state, codeVerifier };
}

/**
 * Takes this flow's own state out of storage, whatever the redirect says, and returns its login
 * if it is still fresh. Called on every way a login ends, so that no pending state outlives its
 * flow or can be used by another one.
 */
export async function takeFlow(state: string): Promise<PendingFlow | undefined> {
  const flows = await readPendingFlows(Date.now());
  const flow = flows[state];
  delete flows[state];
  await pendingFlowsItem.write(flows);
  return flow;
}
