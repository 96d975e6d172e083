/**
 * The `state` of each login, kept in memory-only `storage.session` so that it survives the
 * service worker being stopped mid-flow but not a browser restart. Each state is random
 * (256 bits), lives 10 minutes, and is consumed on first use.
 */
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { AppError } from './errors';

/** How long a login may take before its state is refused. */
export const STATE_TTL_MS = 10 * 60_000;

const PendingFlowSchema = z.object({
  createdAt: z.number(),
  profileId: z.string(),
  redirectUri: z.string(),
  codeVerifier: z.string(),
});
/** What is remembered about a login in progress. */
export type PendingFlow = z.infer<typeof PendingFlowSchema>;

const PendingFlowsSchema = z.record(z.string(), PendingFlowSchema);

/** Logins in progress, keyed by their state. */
export const pendingFlowsItem = storage.defineItem<Record<string, PendingFlow>>(
  'session:pendingFlows',
  { version: 1, fallback: {} },
);

/** Random bytes as unpadded base64url, the form used for `state` and PKCE. */
export function randomBase64Url(byteCount: number): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The S256 PKCE challenge of a verifier (RFC 7636 §4.2). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return toBase64Url(new Uint8Array(digest));
}

async function readPendingFlows(now: number): Promise<Record<string, PendingFlow>> {
  const parsed = PendingFlowsSchema.safeParse(await pendingFlowsItem.getValue());
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
  await pendingFlowsItem.setValue({
    ...flows,
    [state]: { createdAt: now, profileId, redirectUri, codeVerifier },
  });
  return { state, codeVerifier };
}

/**
 * Takes a state out of storage and returns its login. A missing, unknown, expired or already
 * used state is refused, so that no answer that was not asked for here reaches the proxy.
 */
export async function consumeFlow(state: string | undefined): Promise<PendingFlow> {
  const flows = await readPendingFlows(Date.now());
  const flow = state === undefined ? undefined : flows[state];
  if (state !== undefined) delete flows[state];
  await pendingFlowsItem.setValue(flows);
  if (!flow) throw new AppError('state_invalid');
  return flow;
}
