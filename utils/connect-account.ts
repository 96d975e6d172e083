/**
 * The connect flow, run by the background so that it survives the popup closing: Instagram's
 * authorize page through `identity.launchWebAuthFlow`, a checked redirect, the proxy exchange,
 * the profile, and one write to the vault. Progress is kept in `storage.session` for any popup
 * that opens meanwhile.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { HEALTHY, appendEvent, type AccountEvent } from './account-record';
import { saveAccount, type AccountSummary } from './account-store';
import { beginFlow, consumeFlow, pkceChallenge } from './auth-flow-state';
import { authFlowFailure, buildAuthorizeUrl, parseAuthRedirect } from './auth-redirect';
import { AppError, isErrorCode, toErrorPayload, type ErrorPayload } from './errors';
import { exchangeCode } from './exchange-code';
import { fetchProfile } from './graph-api';
import type { AppProfile } from './settings';
import { readSettings, requireProfile } from './settings-store';
import { detectTokenKind } from './token-kind';

/** Fields read from `/me` when an account connects. */
export const PROFILE_FIELDS = ['id', 'user_id', 'username', 'account_type', 'profile_picture_url'];

const ErrorPayloadSchema = z.object({
  code: z.string().check(z.refine(isErrorCode)),
  message: z.string(),
  hint: z.string(),
});

const ConnectProgressSchema = z.object({
  phase: z.enum(['authorizing', 'exchanging', 'done', 'failed']),
  profileId: z.string(),
  updatedAt: z.number(),
  username: z.optional(z.string()),
  replaced: z.optional(z.boolean()),
  error: z.optional(ErrorPayloadSchema),
});
/** Where the current (or last) connect flow stands. */
export interface ConnectProgress {
  phase: 'authorizing' | 'exchanging' | 'done' | 'failed';
  profileId: string;
  updatedAt: number;
  username?: string;
  replaced?: boolean;
  error?: ErrorPayload;
}

/** The connect flow's progress, in memory-only storage. */
export const connectProgressItem = storage.defineItem<ConnectProgress>('session:connectProgress', {
  version: 1,
});

/** Reads the connect progress, if any. */
export async function readConnectProgress(): Promise<ConnectProgress | undefined> {
  const parsed = ConnectProgressSchema.safeParse(await connectProgressItem.getValue());
  if (!parsed.success) return undefined;
  const { error, ...progress } = parsed.data;
  if (!error) return progress;
  const { code, ...text } = error;
  // The schema has already refused unknown codes; this only narrows the type.
  return { ...progress, error: { ...text, code: isErrorCode(code) ? code : 'internal_error' } };
}

async function report(progress: Omit<ConnectProgress, 'updatedAt'>): Promise<void> {
  await connectProgressItem.setValue({ ...progress, updatedAt: Date.now() });
}

/** The browser calls the flow needs; tests pass their own. */
export interface ConnectPlatform {
  redirectUri: string;
  launchWebAuthFlow: (url: string) => Promise<string | undefined>;
}

/** The real browser's identity API. */
export function browserPlatform(): ConnectPlatform {
  return {
    redirectUri: browser.identity.getRedirectURL(),
    launchWebAuthFlow: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
  };
}

function connectedAccount(
  existing: AccountSummary | undefined,
  profile: AppProfile,
  details: Omit<
    AccountSummary,
    'profileId' | 'connectedAt' | 'events' | 'lastRefreshedAt' | keyof typeof HEALTHY
  >,
): AccountSummary {
  const now = Date.now();
  const event: AccountEvent = {
    at: now,
    type: existing ? 'reconnected' : 'connected',
    ok: true,
    message: existing ? 'Reconnected; the old token was replaced.' : 'Connected.',
  };
  return {
    ...details,
    ...HEALTHY,
    profileId: profile.id,
    connectedAt: existing?.connectedAt ?? now,
    lastRefreshedAt: null,
    events: appendEvent(existing?.events ?? [], event),
  };
}

/** Runs a whole login for `profile` and stores the account; throws the error to show. */
export async function connectAccount(
  profile: AppProfile,
  platform: ConnectPlatform,
): Promise<{ username: string; replaced: boolean }> {
  const { redirectUri } = platform;
  const { state, codeVerifier } = await beginFlow(profile.id, redirectUri);
  const url = buildAuthorizeUrl({
    authorizeUrl: profile.authorizeUrl,
    clientId: profile.clientId,
    redirectUri,
    scopes: profile.scopes,
    state,
    codeChallenge: await pkceChallenge(codeVerifier),
  });

  let redirectUrl: string | undefined;
  try {
    redirectUrl = await platform.launchWebAuthFlow(url);
  } catch (error) {
    await consumeFlow(state).catch(() => undefined);
    throw authFlowFailure(error);
  }
  if (!redirectUrl) throw new AppError('auth_cancelled');
  const redirect = parseAuthRedirect(redirectUrl, redirectUri);
  const flow = await consumeFlow(redirect.state);
  if (flow.profileId !== profile.id || flow.redirectUri !== redirectUri) {
    throw new AppError('state_invalid');
  }

  await report({ phase: 'exchanging', profileId: profile.id });
  const exchanged = await exchangeCode(profile.proxyUrl, {
    code: redirect.code,
    redirect_uri: redirectUri,
    client_id: profile.clientId,
  });
  const token = exchanged.access_token;
  const me = await fetchProfile(profile.graphUrl, token, PROFILE_FIELDS);
  const accountId = me.user_id ?? exchanged.user_id;
  const issuedAt = Date.parse(exchanged.issued_at);
  const { replaced } = await saveAccount(
    accountId,
    (existing) =>
      connectedAccount(existing, profile, {
        id: accountId,
        username: me.username,
        accountType: me.account_type,
        profilePictureUrl: me.profile_picture_url,
        appScopedId: me.id,
        scopes: exchanged.permissions.length > 0 ? exchanged.permissions : [...profile.scopes],
        tokenKind: detectTokenKind(token),
        issuedAt,
        expiresAt: issuedAt + exchanged.expires_in * 1000,
        lastCheckedAt: Date.now(),
      }),
    token,
  );
  return { username: me.username, replaced };
}

/** The flow running in this worker; a worker that stopped mid-flow took its flow with it. */
let running: Promise<void> | undefined;

/**
 * Starts a connect flow in the background and returns at once; the popup follows it through
 * {@link readConnectProgress}. A second start while one runs is refused.
 */
export async function startConnect(
  profileId: string | undefined,
  platform: ConnectPlatform = browserPlatform(),
): Promise<{ finished: Promise<void> }> {
  if (running) throw new AppError('connect_in_progress');
  const profile = requireProfile(await readSettings(), profileId);
  await report({ phase: 'authorizing', profileId: profile.id });
  const finished = connectAccount(profile, platform)
    .then(
      ({ username, replaced }) =>
        report({ phase: 'done', profileId: profile.id, username, replaced }),
      (error: unknown) =>
        report({ phase: 'failed', profileId: profile.id, error: toErrorPayload(error) }),
    )
    .finally(() => {
      running = undefined;
    });
  running = finished;
  return { finished };
}

/**
 * Marks a flow that a stopped worker left half-way as failed, so that no popup waits on it.
 * Called when the background starts.
 */
export async function abandonInterruptedConnect(): Promise<void> {
  const progress = await readConnectProgress();
  if (running || (progress?.phase !== 'authorizing' && progress?.phase !== 'exchanging')) return;
  await report({
    phase: 'failed',
    profileId: progress.profileId,
    error: new AppError('auth_failed', {
      message: 'The connection was interrupted before it finished.',
    }).toPayload(),
  });
}
