/**
 * `POST /v1/exchange` without the HTTP around it: authorization code in, 60-day token out (or the
 * 1-hour token, when Instagram keeps refusing the long-lived exchange).
 */
import {
  ExchangeResponseSchema,
  type ExchangeRequest,
  type ExchangeResponse,
} from '../shared/exchange-contract';
import type { AppCredentials } from './config';
import { ProxyError } from './errors';
import { extendToken, type RetryDeps } from './extend-token';
import { redeemCode, type InstagramClient } from './instagram-calls';
import { selectApp } from './select-app';

/** What an exchange needs besides the request. */
export interface ExchangeDeps {
  readonly apps: readonly AppCredentials[];
  readonly instagram: InstagramClient;
  readonly now: () => Date;
  readonly retry: RetryDeps;
}

/** Visible ASCII without `#`: an Instagram code never holds spaces, controls or a fragment. */
const CODE_PATTERN = /^[\x21-\x22\x24-\x7e]+$/;

/**
 * Redeems the code once, then extends the token, retrying only that step: strip `#_`, pick the
 * app, check `redirect_uri`, then call Instagram. When the long-lived exchange still fails on a
 * transient answer as attempts or budget run out, the short-lived token is answered with
 * `long_lived: false`, because the code is spent and a good login must not be wasted.
 * @throws {ProxyError} for a refused request or an Instagram failure.
 */
export async function exchangeCode(
  request: ExchangeRequest,
  deps: ExchangeDeps,
): Promise<ExchangeResponse> {
  // Instagram appends `#_` to the redirect; it is not part of the code (docs/instagram-contract.md §1.4).
  const code = request.code.endsWith('#_') ? request.code.slice(0, -2) : request.code;
  if (!CODE_PATTERN.test(code)) {
    throw new ProxyError(
      'invalid_request',
      'code contains characters an Instagram authorization code never has (spaces, # or control characters). Send the code query parameter exactly as received.',
    );
  }
  const app = selectApp(deps.apps, request.client_id);
  if (!app.redirectUris.includes(request.redirect_uri)) {
    throw new ProxyError(
      'redirect_uri_not_allowed',
      `redirect_uri ${JSON.stringify(request.redirect_uri.slice(0, 200))} is not on this proxy's allow-list. The proxy operator must add it, exactly as registered with Instagram, to IG_REDIRECT_URIS (or to redirect_uris in the PROXY_CONFIG file).`,
    );
  }

  const verifier = request.code_verifier;
  const secrets = [code, app.clientSecret, ...(verifier === undefined ? [] : [verifier])];
  const shortLived = await redeemCode(
    deps.instagram,
    app,
    { code, redirectUri: request.redirect_uri, codeVerifier: verifier },
    secrets,
  );
  const shortLivedAt = deps.now();
  const extension = await extendToken(
    deps.instagram,
    app,
    shortLived.access_token,
    [shortLived.access_token, ...secrets],
    deps.retry,
  );

  const granted = { user_id: shortLived.user_id, permissions: shortLived.permissions };
  const result = ExchangeResponseSchema.safeParse(
    extension.extended
      ? {
          access_token: extension.token.access_token,
          token_type: extension.token.token_type,
          expires_in: extension.token.expires_in,
          ...granted,
          issued_at: deps.now().toISOString(),
          long_lived: true,
        }
      : {
          access_token: shortLived.access_token,
          token_type: 'bearer',
          expires_in: shortLived.expiresIn,
          ...granted,
          issued_at: shortLivedAt.toISOString(),
          long_lived: false,
          ...(extension.lastRefusal === undefined ? {} : { upstream_error: extension.lastRefusal }),
        },
  );
  if (!result.success) {
    throw new ProxyError(
      'upstream_bad_response',
      'Instagram returned a long-lived token reply the extension cannot use (token_type is not bearer, or expires_in is not positive). Try again later.',
      { cause: result.error },
    );
  }
  return result.data;
}
