/**
 * `GET /facebook/debug_token` and `/facebook/v<NN>.<N>/debug_token` (docs/instagram-contract.md
 * §9.4): what a token is, asked with the app token `app_id|app_secret` (or a live user token of
 * the app). A bad input token is a 200 with the error inside `data`; a bad caller token is a
 * top-level Graph error.
 */
import { Hono, type Context } from 'hono';
import { SANDBOX_FB_APP_NAME } from './defaults';
import { FACEBOOK_VERSION } from './facebook-dialog-routes';
import {
  appTokenRequiredError,
  invalidAppTokenError,
  missingFacebookParameterError,
} from './facebook-errors';
import { granularScopes } from './facebook-grants';
import { checkFacebookToken } from './facebook-token-check';
import type { FacebookTokenLookup } from './facebook-token-store';
import { expiredTokenError, revokedTokenError, type GraphFailure } from './graph-errors';
import { sendGraphFailure } from './graph-response';
import { requestToken } from './request-token';
import type { SandboxState } from './sandbox-state';
import { trackedEndpoint } from './tracked-endpoint';

/** The routes of `debug_token`. */
export function facebookDebugRoute(state: SandboxState) {
  const facebook = state.facebook;

  /** The caller's problem, if it is neither the app token nor a live token of the app. */
  const callerProblem = (caller: string | undefined): GraphFailure | undefined => {
    if (caller === undefined) return appTokenRequiredError();
    if (caller.includes('|')) {
      return caller === `${facebook.app.appId}|${facebook.app.appSecret}`
        ? undefined
        : invalidAppTokenError();
    }
    const check = checkFacebookToken(state, caller);
    return check.ok ? undefined : check.failure;
  };

  const describe = (lookup: FacebookTokenLookup) => {
    if (lookup.status === 'unknown') {
      return {
        error: { code: 190, message: 'Invalid OAuth access token.' },
        is_valid: false,
        scopes: [],
      };
    }
    const { record } = lookup;
    const seconds = (ms: number) => Math.floor(ms / 1000);
    const failure =
      lookup.status === 'expired'
        ? expiredTokenError(record.expiresAtMs ?? 0, state.clock.now())
        : lookup.status === 'revoked'
          ? revokedTokenError(lookup.subcode, facebook.app.appId)
          : undefined;
    return {
      app_id: facebook.app.appId,
      type: record.kind === 'page' ? 'PAGE' : 'USER',
      application: SANDBOX_FB_APP_NAME,
      data_access_expires_at: seconds(record.dataAccessExpiresAtMs),
      ...(failure === undefined
        ? {}
        : {
            error: {
              code: failure.fields.code,
              message: failure.fields.message,
              subcode: failure.fields.error_subcode,
            },
          }),
      expires_at: record.expiresAtMs === null ? 0 : seconds(record.expiresAtMs),
      is_valid: lookup.status === 'valid',
      issued_at: seconds(record.issuedAtMs),
      ...(record.pageId === undefined ? {} : { profile_id: record.pageId }),
      scopes: record.scopes,
      granular_scopes: granularScopes(record),
      user_id: record.userId,
    };
  };

  const handler = (c: Context) => {
    const problem = callerProblem(requestToken(c));
    if (problem !== undefined) return sendGraphFailure(c, problem);
    const input = c.req.query('input_token');
    if (!input) return sendGraphFailure(c, missingFacebookParameterError('input_token'));
    return c.json({ data: describe(facebook.tokens.lookup(input)) });
  };

  const tracked = trackedEndpoint(state, 'facebook/debug_token');
  return new Hono()
    .get('/facebook/debug_token', tracked, handler)
    .get(`/facebook/${FACEBOOK_VERSION}/debug_token`, tracked, handler);
}
