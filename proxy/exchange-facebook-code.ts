/**
 * The Facebook Login exchange (docs/instagram-contract.md §9): the code for a short-lived user
 * token, that token for a 60-day one (retried like Instagram's long-lived step), then
 * `debug_token`, which alone names the user, the granted scopes and the expiry dates.
 */
import {
  SHORT_LIVED_SECONDS,
  type DebugToken,
  type ExchangeResponse,
} from '../shared/exchange-contract';
import type { AppCredentials } from './config';
import { endingEarlier } from './deadline';
import { ProxyError } from './errors';
import { toExchangeResponse } from './exchange-response';
import { extendToken, type RetryDeps } from './extend-token';
import {
  appTokenOf,
  debugFacebookToken,
  exchangeForFacebookLongLived,
  redeemFacebookCode,
  type FacebookClient,
} from './facebook-calls';
import type { CodeGrant } from './instagram-calls';
import { retryUpstream } from './retry-upstream';
import { redactText } from './upstream-error';

/**
 * The lifetime announced for a long-lived token when neither its reply nor `debug_token` gives a
 * positive one (`expires_in` missing, `expires_at` 0 for "never"): 60 days, the documented
 * lifetime of a long-lived user token (§9.3). The extension then checks the token again before
 * that date rather than trusting it forever, and a "never" is no promise Meta keeps.
 */
export const FACEBOOK_FALLBACK_EXPIRES_IN_SECONDS = 5_184_000;

/** What the Facebook exchange needs besides the app and the code. */
export interface FacebookExchangeDeps {
  readonly facebook: FacebookClient;
  readonly now: () => Date;
  readonly retry: RetryDeps;
}

/**
 * Redeems the code, extends the token and inspects the result. The extension step leaves time in
 * the budget for `debug_token`, without which the reply could not name the user.
 * @throws {ProxyError} when a step fails in a way that leaves no token to hand out.
 */
export async function exchangeFacebookCode(
  app: AppCredentials,
  grant: CodeGrant,
  secrets: readonly string[],
  deps: FacebookExchangeDeps,
): Promise<ExchangeResponse> {
  const client = deps.facebook;
  const shortLived = await redeemFacebookCode(client, app, grant, secrets);
  const shortLivedAt = deps.now();
  const sensitive = [shortLived.access_token, appTokenOf(app), ...secrets];
  const reserveMs = Math.min(client.timeoutMs, Math.floor(client.deadline.remainingMs() / 2));
  const extensionClient = { ...client, deadline: endingEarlier(client.deadline, reserveMs) };
  const extension = await extendToken(
    extensionClient.deadline,
    () => exchangeForFacebookLongLived(extensionClient, app, shortLived.access_token, sensitive),
    deps.retry,
  );
  const token = extension.extended ? extension.token : shortLived;
  const issuedAt = extension.extended ? deps.now() : shortLivedAt;
  const debug = await inspectIssuedToken(client, app, token.access_token, deps.retry, [
    token.access_token,
    ...sensitive,
  ]);

  const nowSeconds = Math.floor(issuedAt.getTime() / 1000);
  const untilExpiry = debug.expires_at === undefined ? undefined : debug.expires_at - nowSeconds;
  const expiresIn =
    positive(token.expires_in) ??
    positive(untilExpiry) ??
    (extension.extended ? FACEBOOK_FALLBACK_EXPIRES_IN_SECONDS : SHORT_LIVED_SECONDS);
  const dataAccess = positive(debug.data_access_expires_at);
  return toExchangeResponse(
    {
      access_token: token.access_token,
      token_type: token.token_type,
      expires_in: expiresIn,
      user_id: debug.user_id,
      permissions: debug.scopes,
      issued_at: issuedAt.toISOString(),
      long_lived: extension.extended,
      flavor: 'facebook',
      ...(dataAccess === undefined ? {} : { data_access_expires_at: dataAccess }),
      ...(extension.extended || extension.lastRefusal === undefined
        ? {}
        : { upstream_error: extension.lastRefusal }),
    },
    'facebook',
  );
}

/**
 * `debug_token` on the token just issued, retried like the long-lived step: it reads and spends
 * nothing. A token Facebook calls invalid right after issuing it cannot be handed out.
 * @throws {ProxyError} when Facebook cannot be asked, or says the token is not valid.
 */
async function inspectIssuedToken(
  client: FacebookClient,
  app: AppCredentials,
  accessToken: string,
  retry: RetryDeps,
  sensitive: readonly string[],
): Promise<DebugToken> {
  const outcome = await retryUpstream(
    client.deadline,
    () => debugFacebookToken(client, app, accessToken, sensitive),
    retry,
  );
  if (!outcome.ok) {
    throw (
      outcome.error ??
      new ProxyError(
        'upstream_timeout',
        'Facebook could not be asked about the new token (debug_token) within the time left. Start the login again.',
      )
    );
  }
  const debug = outcome.value;
  if (!debug.is_valid) {
    throw new ProxyError(
      'upstream_error',
      'Facebook says the token it just issued is not valid (see upstream.message). Start the login again.',
      {
        upstream: {
          type: 'OAuthException',
          ...(debug.error === undefined
            ? {}
            : {
                code: debug.error.code,
                message: redactText(debug.error.message, sensitive),
                ...(debug.error.subcode === undefined ? {} : { subcode: debug.error.subcode }),
              }),
        },
      },
    );
  }
  return debug;
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
}
