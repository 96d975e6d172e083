/**
 * The connect flow, run by the background so that it survives the popup closing: Instagram's
 * authorize page through `identity.launchWebAuthFlow`, a checked redirect, the proxy exchange,
 * the profile, and one write to the vault. Its progress is reported for any popup that opens
 * meanwhile.
 */
import { browser } from 'wxt/browser';
import { words } from '@/utils/words';
import { keepAliveWhile } from '@/utils/background/keep-alive';
import { AppError, toErrorPayload } from '@/utils/errors';
import { PROFILE_FIELDS, accountIdOf, fetchProfile } from '@/utils/instagram/fetch-profile';
import type { AppProfile } from '@/utils/settings/settings';
import { requireReadyProfile } from '@/utils/settings/require-ready-profile';
import { readSettings } from '@/utils/settings/settings-store';
import { saveLinkedAccounts } from '@/utils/facebook/save-linked-accounts';
import { authorizeEndpoint, graphApiBase } from '@/utils/settings/profile-endpoints';
import { saveNewToken } from './account-from-profile';
import { buildAuthorizeUrl } from './authorize-url';
import { checkRedirect } from './check-redirect';
import { readConnectProgress, reportProgress } from './connect-progress';
import { launchFailure } from './launch-failure';
import { beginFlow, dropFlowsBegunBefore, pkceChallenge, takeFlow } from './pending-flows';
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

/** What a finished login reports. */
export interface ConnectOutcome {
  username: string;
  replaced: boolean;
  /** Instagram would not make the token a 60-day one; it lasts about an hour. */
  shortLived: boolean;
  /** Facebook Login: which accounts came through which Page, and the Pages without one. */
  detail?: string;
}

/** Runs a whole login for `profile` and stores the account; throws the error to show. */
export async function connectAccount(
  profile: AppProfile,
  platform: ConnectPlatform,
): Promise<ConnectOutcome> {
  const { redirectUri } = platform;
  const { state, codeVerifier } = await beginFlow(profile.id, redirectUri);
  const url = buildAuthorizeUrl({
    flavor: profile.flavor,
    authorizeUrl: authorizeEndpoint(profile),
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
    await takeFlow(state);
    throw launchFailure(error);
  }
  // This flow's state is consumed however the login ended; an expired one refuses every redirect.
  const flow = await takeFlow(state);
  if (!redirectUrl) throw new AppError('auth_cancelled');
  const code = checkRedirect(redirectUrl, { redirectUri, state: flow && state });

  await reportProgress({ phase: 'exchanging', profileId: profile.id });
  const exchanged = await exchangeCode(profile.proxyUrl, {
    code,
    redirect_uri: redirectUri,
    client_id: profile.clientId,
    code_verifier: codeVerifier,
    flavor: profile.flavor,
  });
  const token = exchanged.access_token;
  const issuedAt = Date.parse(exchanged.issued_at);
  const facts = {
    token,
    profileId: profile.id,
    scopes: exchanged.permissions.length > 0 ? exchanged.permissions : profile.scopes,
    issuedAt,
    expiresAt: issuedAt + exchanged.expires_in * 1000,
    origin: 'connect' as const,
    longLivedRefusal: exchanged.long_lived
      ? undefined
      : (exchanged.upstream_error?.message ?? 'no reason given'),
    dataAccessExpiresAt:
      exchanged.data_access_expires_at === undefined
        ? null
        : exchanged.data_access_expires_at * 1000,
  };
  const shortLived = !exchanged.long_lived;
  if (profile.flavor === 'facebook') {
    const saved = await saveLinkedAccounts(graphApiBase(profile), facts);
    return {
      username: saved.usernames,
      replaced: saved.replaced,
      shortLived,
      detail: saved.detail,
    };
  }
  const me = await fetchProfile(profile.graphUrl, token, PROFILE_FIELDS);
  const { replaced } = await saveNewToken(accountIdOf(me), me, facts);
  return { username: me.username, replaced, shortLived };
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
  // The request that started the login has long been answered; the flow keeps the
  // background alive on its own (Firefox would otherwise unload it mid-exchange).
  const finished = keepAliveWhile(connectAccount(profile, platform))
    .then(
      (outcome) => reportProgress({ phase: 'done', profileId: profile.id, ...outcome }),
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
 * Marks a flow that a stopped worker left half-way as failed, so that no popup waits on it, and
 * drops the login state (`state`, PKCE verifier) of every login begun before this worker started
 * at `startedAt`: no redirect can reach those any more. Called when the background starts.
 */
export async function abandonInterruptedConnect(startedAt: number): Promise<void> {
  await dropFlowsBegunBefore(startedAt);
  const progress = await readConnectProgress();
  if (running || (progress?.phase !== 'authorizing' && progress?.phase !== 'exchanging')) return;
  await reportProgress({
    phase: 'failed',
    profileId: progress.profileId,
    error: new AppError('auth_failed', { message: words('connect_interrupted') }).toPayload(),
  });
}
