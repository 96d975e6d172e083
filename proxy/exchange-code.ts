/**
 * `POST /v1/exchange` without the HTTP around it: authorization code in, 60-day token out.
 */
import {
  ExchangeResponseSchema,
  type ExchangeRequest,
  type ExchangeResponse,
} from '../shared/exchange-contract';
import type { AppCredentials } from './config';
import { ProxyError } from './errors';
import { exchangeForLongLived, redeemCode, type InstagramClient } from './instagram-calls';
import { selectApp } from './select-app';

/** What an exchange needs besides the request. */
export interface ExchangeDeps {
  readonly apps: readonly AppCredentials[];
  readonly instagram: InstagramClient;
  readonly now: () => Date;
}

/** Visible ASCII without `#`: an Instagram code never holds spaces, controls or a fragment. */
const CODE_PATTERN = /^[\x21-\x22\x24-\x7e]+$/;

/**
 * Redeems the code and extends the token: strip `#_`, pick the app, check `redirect_uri`, then
 * call Instagram twice. Nothing is retried.
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

  const shortLived = await redeemCode(deps.instagram, app, code, request.redirect_uri);
  const longLived = await exchangeForLongLived(deps.instagram, app, shortLived.access_token);

  const result = ExchangeResponseSchema.safeParse({
    access_token: longLived.access_token,
    token_type: longLived.token_type,
    expires_in: longLived.expires_in,
    user_id: shortLived.user_id,
    permissions: shortLived.permissions,
    issued_at: deps.now().toISOString(),
  });
  if (!result.success) {
    throw new ProxyError(
      'upstream_bad_response',
      'Instagram returned a long-lived token reply the extension cannot use (token_type is not bearer, or expires_in is not positive). Try again later.',
      { cause: result.error },
    );
  }
  return result.data;
}
