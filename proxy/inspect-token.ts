/**
 * `POST /v1/debug` without the HTTP around it: a Facebook Login token in, what Facebook's
 * `debug_token` says about it out (docs/instagram-contract.md §9.4). The app token holds the app
 * secret, which is why the extension asks the proxy instead of Facebook.
 */
import type { DebugRequest, DebugToken } from '../shared/exchange-contract';
import type { AppCredentials } from './config';
import { appTokenOf, debugFacebookToken, type FacebookClient } from './facebook-calls';
import { selectApp } from './select-app';

/** What a debug request needs besides the request. */
export interface InspectTokenDeps {
  readonly apps: readonly AppCredentials[];
  readonly facebook: FacebookClient;
}

/**
 * Asks `debug_token` of the chosen Facebook Login app (the one named by `client_id`, or the only
 * one) about the token. An invalid, expired or revoked token is answered, not thrown: the reply
 * then says `is_valid: false` with Facebook's `error`. The call is made once: the extension asks
 * again when it wants to.
 * @throws {ProxyError} `invalid_request` without a matching Facebook Login app, or an upstream
 *   error when Facebook refuses the call itself (e.g. the app token).
 */
export function inspectToken(request: DebugRequest, deps: InspectTokenDeps): Promise<DebugToken> {
  const app = selectApp(deps.apps, request.client_id, 'facebook');
  return debugFacebookToken(deps.facebook, app, request.access_token, [
    request.access_token,
    appTokenOf(app),
    app.clientSecret,
  ]);
}
