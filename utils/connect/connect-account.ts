/**
 * The connect flow, run by the background so that it survives the popup closing: Instagram's
 * authorize page through `identity.launchWebAuthFlow`, a checked redirect, the proxy exchange,
 * the profile, and one write to the vault. Its progress is reported for any popup that opens
 * meanwhile.
 */
import { browser } from 'wxt/browser';
import { AppError, toErrorPayload } from '@/utils/errors';
import { PROFILE_FIELDS, fetchProfile } from '@/utils/instagram/fetch-profile';
import type { AppProfile } from '@/utils/settings/settings';
import { requireReadyProfile } from '@/utils/settings/select-profile';
import { readSettings } from '@/utils/settings/settings-store';
import { saveNewToken } from './account-from-profile';
import { buildAuthorizeUrl } from './authorize-url';
import { parseAuthRedirect } from './check-redirect';
import { readConnectProgress, reportProgress } from './connect-progress';
import { launchFailure } from './launch-failure';
import { beginFlow, consumeFlow, pkceChallenge } from './pending-flows';
import { exchangeCode } from './proxy-client';

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
    throw launchFailure(error);
  }
  if (!redirectUrl) throw new AppError('auth_cancelled');
  const redirect = parseAuthRedirect(redirectUrl, redirectUri);
  const flow = await consumeFlow(redirect.state);
  if (flow.profileId !== profile.id || flow.redirectUri !== redirectUri) {
    throw new AppError('state_invalid');
  }

  await reportProgress({ phase: 'exchanging', profileId: profile.id });
  const exchanged = await exchangeCode(profile.proxyUrl, {
    code: redirect.code,
    redirect_uri: redirectUri,
    client_id: profile.clientId,
  });
  const token = exchanged.access_token;
  const me = await fetchProfile(profile.graphUrl, token, PROFILE_FIELDS);
  const accountId = me.user_id ?? exchanged.user_id;
  const issuedAt = Date.parse(exchanged.issued_at);
  const { replaced } = await saveNewToken(accountId, me, {
    token,
    profileId: profile.id,
    scopes: exchanged.permissions.length > 0 ? exchanged.permissions : profile.scopes,
    issuedAt,
    expiresAt: issuedAt + exchanged.expires_in * 1000,
    origin: 'connect',
  });
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
  const profile = requireReadyProfile(await readSettings(), profileId);
  await reportProgress({ phase: 'authorizing', profileId: profile.id });
  const finished = connectAccount(profile, platform)
    .then(
      ({ username, replaced }) =>
        reportProgress({ phase: 'done', profileId: profile.id, username, replaced }),
      (error: unknown) =>
        reportProgress({ phase: 'failed', profileId: profile.id, error: toErrorPayload(error) }),
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
  await reportProgress({
    phase: 'failed',
    profileId: progress.profileId,
    error: new AppError('auth_failed', {
      message: 'The connection was interrupted before it finished.',
    }).toPayload(),
  });
}
