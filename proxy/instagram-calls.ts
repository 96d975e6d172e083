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
import type { UpstreamCall } from './proxy-env';
import { callUpstream, type FetchLike } from './upstream-fetch';
import { readReply } from './upstream-reply';

/** Where and how to reach Instagram for one request. */
export interface InstagramClient {
  readonly oauthBase: string;
  readonly graphBase: string;
  readonly timeoutMs: number;
  readonly fetch: FetchLike;
  readonly record: (call: UpstreamCall) => void;
}

/**
 * Step 3: redeems the code for a short-lived token (`POST /oauth/access_token`, credentials in the
 * form body). Called once per request: a code is single-use, so a retry could only fail.
 */
export async function redeemCode(
  client: InstagramClient,
  app: AppCredentials,
  code: string,
  redirectUri: string,
): Promise<CodeExchangeResponse> {
  const form = new URLSearchParams({
    client_id: app.clientId,
    client_secret: app.clientSecret,
    grant_type: 'authorization_code',
    redirect_uri: redirectUri,
    code,
  });
  const reply = await callUpstream(
    `${client.oauthBase}/oauth/access_token`,
    { method: 'POST', body: form, headers: { Accept: 'application/json' } },
    { ...client, name: 'oauth/access_token' },
  );
  return readReply(reply, CodeExchangeResponseSchema, 'code', [code, app.clientSecret]);
}

/** Step 4: trades the short-lived token for a 60-day one (`GET /access_token`, ig_exchange_token). */
export async function exchangeForLongLived(
  client: InstagramClient,
  app: AppCredentials,
  shortLivedToken: string,
): Promise<LongLivedTokenResponse> {
  const query = new URLSearchParams({
    grant_type: 'ig_exchange_token',
    client_secret: app.clientSecret,
    access_token: shortLivedToken,
  });
  const reply = await callUpstream(
    `${client.graphBase}/access_token?${query.toString()}`,
    { method: 'GET', headers: { Accept: 'application/json' } },
    { ...client, name: 'access_token' },
  );
  return readReply(reply, LongLivedTokenResponseSchema, 'long_lived', [
    shortLivedToken,
    app.clientSecret,
  ]);
}
