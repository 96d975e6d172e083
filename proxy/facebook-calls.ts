/**
 * The Facebook Login calls of the proxy (docs/instagram-contract.md §9): the code exchange, the
 * long-lived exchange (`fb_exchange_token`) and `debug_token`, all on the configured Graph base and
 * version, never on a URL taken from the request. The code and the long-lived exchange go as POST
 * forms, which Facebook accepts on `oauth/access_token` (§9.2), so the secret and tokens stay out
 * of URLs; `debug_token` is a GET as documented, with the app token in its query.
 */
import {
  DebugTokenEnvelopeSchema,
  FacebookTokenResponseSchema,
  type FacebookTokenResponse,
} from '../shared/facebook-responses';
import type { DebugToken } from '../shared/exchange-contract';
import type { AppCredentials } from './config';
import type { CodeGrant } from './instagram-calls';
import type { UpstreamCallName } from './proxy-env';
import { callWithinDeadline, type UpstreamSession } from './upstream-fetch';
import { readReply, type ExchangeStep } from './upstream-reply';

/** Where and how to reach Facebook's Graph API for one request. */
export interface FacebookClient extends UpstreamSession {
  /** `FB_GRAPH_BASE`, e.g. `https://graph.facebook.com`. */
  readonly graphBase: string;
  /** `FB_GRAPH_VERSION`, e.g. `v25.0`. */
  readonly graphVersion: string;
}

/** The app token `app_id|app_secret` (docs/instagram-contract.md §9.3): it holds the secret. */
export function appTokenOf(app: AppCredentials): string {
  return `${app.clientId}|${app.clientSecret}`;
}

/**
 * Redeems the code for a short-lived user token. Called once per request: a code is single-use,
 * so a retry could only fail (docs/instagram-contract.md §2.4, §9.2).
 * @param sensitive strings blanked out of anything passed on from Facebook.
 */
export function redeemFacebookCode(
  client: FacebookClient,
  app: AppCredentials,
  grant: CodeGrant,
  sensitive: readonly string[],
): Promise<FacebookTokenResponse> {
  const form = new URLSearchParams({
    client_id: app.clientId,
    client_secret: app.clientSecret,
    redirect_uri: grant.redirectUri,
    code: grant.code,
  });
  if (grant.codeVerifier !== undefined) form.set('code_verifier', grant.codeVerifier);
  return postTokenForm(client, form, 'facebook/oauth/access_token', 'code', sensitive);
}

/** One attempt at trading a short-lived user token for a 60-day one (§9.3). */
export function exchangeForFacebookLongLived(
  client: FacebookClient,
  app: AppCredentials,
  shortLivedToken: string,
  sensitive: readonly string[],
): Promise<FacebookTokenResponse> {
  const form = new URLSearchParams({
    grant_type: 'fb_exchange_token',
    client_id: app.clientId,
    client_secret: app.clientSecret,
    fb_exchange_token: shortLivedToken,
  });
  return postTokenForm(client, form, 'facebook/fb_exchange_token', 'long_lived', sensitive);
}

/**
 * What `debug_token` says about `inputToken`, asked with the app's own app token (§9.4). A dead
 * input token is an answer (`is_valid: false`), not an error; only a refusal of the call is.
 */
export async function debugFacebookToken(
  client: FacebookClient,
  app: AppCredentials,
  inputToken: string,
  sensitive: readonly string[],
): Promise<DebugToken> {
  const query = new URLSearchParams({ input_token: inputToken, access_token: appTokenOf(app) });
  const reply = await callWithinDeadline(
    client,
    `${client.graphBase}/${client.graphVersion}/debug_token?${query.toString()}`,
    { method: 'GET', headers: { Accept: 'application/json' } },
    'facebook/debug_token',
    'Facebook',
  );
  return readReply(
    reply,
    DebugTokenEnvelopeSchema,
    { flavor: 'facebook', step: 'debug_token' },
    sensitive,
  );
}

async function postTokenForm(
  client: FacebookClient,
  form: URLSearchParams,
  name: UpstreamCallName,
  step: ExchangeStep,
  sensitive: readonly string[],
): Promise<FacebookTokenResponse> {
  const reply = await callWithinDeadline(
    client,
    `${client.graphBase}/${client.graphVersion}/oauth/access_token`,
    { method: 'POST', body: form, headers: { Accept: 'application/json' } },
    name,
    'Facebook',
  );
  return readReply(reply, FacebookTokenResponseSchema, { flavor: 'facebook', step }, sensitive);
}
