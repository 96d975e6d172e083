/**
 * The two Instagram calls of an exchange. Upstream URLs come only from configuration, never from
 * the request (no open proxying).
 */
import {
  CodeExchangeResponseSchema,
  LongLivedTokenResponseSchema,
  type CodeExchangeResponse,
  type LongLivedTokenResponse,
} from '../shared/instagram-responses';
import type { AppCredentials } from './config';
import { readShortLivedExpiry } from './short-lived-expiry';
import { callWithinDeadline, type UpstreamSession } from './upstream-fetch';
import { readReply } from './upstream-reply';

/** Where and how to reach Instagram for one request. */
export interface InstagramClient extends UpstreamSession {
  readonly oauthBase: string;
  readonly graphBase: string;
}

/** What the code exchange needs to send. */
export interface CodeGrant {
  /** The code, without the `#_` (or Facebook's `#_=_`) of the redirect. */
  readonly code: string;
  readonly redirectUri: string;
  /** The PKCE verifier, sent only when the extension gave one. */
  readonly codeVerifier: string | undefined;
}

/** A redeemed code: the short-lived token and how long it lives. */
export type ShortLivedToken = CodeExchangeResponse & { readonly expiresIn: number };

/**
 * Step 3: redeems the code for a short-lived token (`POST /oauth/access_token`, credentials in the
 * form body). Called once per request: a code is single-use, so a retry could only fail
 * (docs/instagram-contract.md §2.4).
 * @param sensitive strings blanked out of anything passed on from Instagram.
 */
export async function redeemCode(
  client: InstagramClient,
  app: AppCredentials,
  grant: CodeGrant,
  sensitive: readonly string[],
): Promise<ShortLivedToken> {
  const form = new URLSearchParams({
    client_id: app.clientId,
    client_secret: app.clientSecret,
    grant_type: 'authorization_code',
    redirect_uri: grant.redirectUri,
    code: grant.code,
  });
  if (grant.codeVerifier !== undefined) form.set('code_verifier', grant.codeVerifier);
  const reply = await callWithinDeadline(
    client,
    `${client.oauthBase}/oauth/access_token`,
    { method: 'POST', body: form, headers: { Accept: 'application/json' } },
    'oauth/access_token',
  );
  const token = readReply(
    reply,
    CodeExchangeResponseSchema,
    { flavor: 'instagram', step: 'code' },
    sensitive,
  );
  return { ...token, expiresIn: readShortLivedExpiry(reply.text) };
}

/**
 * Step 4, one attempt: trades the short-lived token for a 60-day one (`GET /access_token`,
 * ig_exchange_token; docs/instagram-contract.md §3.1).
 */
export async function exchangeForLongLived(
  client: InstagramClient,
  app: AppCredentials,
  shortLivedToken: string,
  sensitive: readonly string[],
): Promise<LongLivedTokenResponse> {
  const query = new URLSearchParams({
    grant_type: 'ig_exchange_token',
    client_secret: app.clientSecret,
    access_token: shortLivedToken,
  });
  const reply = await callWithinDeadline(
    client,
    `${client.graphBase}/access_token?${query.toString()}`,
    { method: 'GET', headers: { Accept: 'application/json' } },
    'access_token',
  );
  return readReply(
    reply,
    LongLivedTokenResponseSchema,
    { flavor: 'instagram', step: 'long_lived' },
    sensitive,
  );
}
