/**
 * `POST /v1/exchange` without the HTTP around it: authorization code in, 60-day token out (or the
 * short-lived token, when the long-lived exchange keeps failing). The checks are the same for
 * both login paths; then Instagram's steps or Facebook's run.
 */
import type { ExchangeRequest, ExchangeResponse, Flavor } from '../shared/exchange-contract';
import type { AppCredentials } from './config';
import { ProxyError } from './errors';
import { exchangeFacebookCode } from './exchange-facebook-code';
import { toExchangeResponse } from './exchange-response';
import { extendToken, type RetryDeps } from './extend-token';
import type { FacebookClient } from './facebook-calls';
import {
  exchangeForLongLived,
  redeemCode,
  type CodeGrant,
  type InstagramClient,
} from './instagram-calls';
import { selectApp } from './select-app';

/** What an exchange needs besides the request. */
export interface ExchangeDeps {
  readonly apps: readonly AppCredentials[];
  readonly instagram: InstagramClient;
  readonly facebook: FacebookClient;
  readonly now: () => Date;
  readonly retry: RetryDeps;
}

/** Visible ASCII without `#`: an authorization code never holds spaces, controls or a fragment. */
const CODE_PATTERN = /^[\x21-\x22\x24-\x7e]+$/;

/**
 * What each login appends to the redirect, which is not part of the code: Instagram's `#_`
 * (docs/instagram-contract.md §1.4) and Facebook's `#_=_` (§9.1).
 */
const REDIRECT_SUFFIXES: Readonly<Record<Flavor, string>> = { instagram: '#_', facebook: '#_=_' };

/** Where the operator lists an app's redirect URIs when it is set up without `PROXY_CONFIG`. */
const REDIRECT_VARIABLES: Readonly<Record<Flavor, string>> = {
  instagram: 'IG_REDIRECT_URIS',
  facebook: 'FB_REDIRECT_URIS',
};

/**
 * Redeems the code once, then extends the token, retrying only that step: strip the redirect's
 * suffix, pick the app (its flavor must be the request's), check `redirect_uri`, then call
 * Instagram or Facebook. When the long-lived exchange still fails on a transient answer as
 * attempts or budget run out, the short-lived token is answered with `long_lived: false`, because
 * the code is spent and a good login must not be wasted.
 * @throws {ProxyError} for a refused request or an upstream failure.
 */
export async function exchangeCode(
  request: ExchangeRequest,
  deps: ExchangeDeps,
): Promise<ExchangeResponse> {
  const flavor = request.flavor ?? 'instagram';
  const suffix = REDIRECT_SUFFIXES[flavor];
  const code = request.code.endsWith(suffix) ? request.code.slice(0, -suffix.length) : request.code;
  if (!CODE_PATTERN.test(code)) {
    throw new ProxyError(
      'invalid_request',
      `code contains characters an authorization code never has (spaces, # or control characters). Send the code query parameter exactly as received, without the ${suffix} the redirect ends with.`,
    );
  }
  const app = selectApp(deps.apps, request.client_id, flavor);
  if (!app.redirectUris.includes(request.redirect_uri)) {
    throw new ProxyError(
      'redirect_uri_not_allowed',
      `redirect_uri ${JSON.stringify(request.redirect_uri.slice(0, 200))} is not on this proxy's allow-list. The proxy operator must add it, exactly as registered with ${flavor === 'facebook' ? 'Facebook' : 'Instagram'}, to ${REDIRECT_VARIABLES[flavor]} (or to redirect_uris in the PROXY_CONFIG file).`,
    );
  }

  const verifier = request.code_verifier;
  const grant: CodeGrant = { code, redirectUri: request.redirect_uri, codeVerifier: verifier };
  const secrets = [code, app.clientSecret, ...(verifier === undefined ? [] : [verifier])];
  return flavor === 'facebook'
    ? exchangeFacebookCode(app, grant, secrets, deps)
    : exchangeInstagramCode(app, grant, secrets, deps);
}

/** Instagram's steps 3 and 4 (docs/instagram-contract.md §2, §3). */
async function exchangeInstagramCode(
  app: AppCredentials,
  grant: CodeGrant,
  secrets: readonly string[],
  deps: ExchangeDeps,
): Promise<ExchangeResponse> {
  const shortLived = await redeemCode(deps.instagram, app, grant, secrets);
  const shortLivedAt = deps.now();
  const extension = await extendToken(
    deps.instagram.deadline,
    () =>
      exchangeForLongLived(deps.instagram, app, shortLived.access_token, [
        shortLived.access_token,
        ...secrets,
      ]),
    deps.retry,
  );

  const granted = { user_id: shortLived.user_id, permissions: shortLived.permissions };
  return toExchangeResponse(
    extension.extended
      ? {
          access_token: extension.token.access_token,
          token_type: extension.token.token_type,
          expires_in: extension.token.expires_in,
          ...granted,
          issued_at: deps.now().toISOString(),
          long_lived: true,
          flavor: 'instagram',
        }
      : {
          access_token: shortLived.access_token,
          token_type: 'bearer',
          expires_in: shortLived.expiresIn,
          ...granted,
          issued_at: shortLivedAt.toISOString(),
          long_lived: false,
          flavor: 'instagram',
          ...(extension.lastRefusal === undefined ? {} : { upstream_error: extension.lastRefusal }),
        },
    'instagram',
  );
}
