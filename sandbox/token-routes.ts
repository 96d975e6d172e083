/**
 * `GET /access_token` (short-lived → long-lived, `ig_exchange_token`) and
 * `GET /refresh_access_token` (`ig_refresh_token`), both on graph.instagram.com, each also under
 * `/v<NN>.0/` as Graph paths usually are (unconfirmed for these two, docs/instagram-contract.md §3.1, §4).
 */
import { Hono, type Context } from 'hono';
import { LONG_LIVED_TTL_SECONDS, REFRESH_MIN_AGE_SECONDS } from './defaults';
import {
  alreadyLongLivedError,
  invalidClientSecretError,
  missingParameterError,
  notLongLivedError,
  refreshTooEarlyError,
  unsupportedGrantTypeError,
  unsupportedMethodError,
} from './graph-errors';
import { sendGraphFailure } from './graph-response';
import type { SandboxState } from './sandbox-state';
import { checkToken } from './token-check';
import { trackedEndpoint } from './tracked-endpoint';

/** A Graph version segment such as `/v25.0`. */
const VERSION = '/:version{v\\d+\\.0}';

/** Routes of the long-lived exchange and the refresh, unversioned and versioned. */
export function tokenRoutes(state: SandboxState) {
  const tokenReply = (c: Context, accessToken: string, expiresIn: number) =>
    c.json(
      state.config.omitTokenType
        ? { access_token: accessToken, expires_in: expiresIn }
        : { access_token: accessToken, token_type: 'bearer', expires_in: expiresIn },
    );

  const exchange = (c: Context) => {
    const { grant_type, client_secret, access_token } = c.req.query();
    if (grant_type === undefined) return sendGraphFailure(c, missingParameterError('grant_type'));
    if (grant_type !== 'ig_exchange_token') {
      return sendGraphFailure(c, unsupportedGrantTypeError('ig_exchange_token'));
    }
    if (client_secret === undefined) {
      return sendGraphFailure(c, missingParameterError('client_secret'));
    }
    if (client_secret !== state.app.clientSecret) {
      return sendGraphFailure(c, invalidClientSecretError());
    }
    if (!access_token) return sendGraphFailure(c, missingParameterError('access_token'));
    const check = checkToken(state, access_token);
    if (!check.ok) return sendGraphFailure(c, check.failure);
    if (check.record.kind === 'long') return sendGraphFailure(c, alreadyLongLivedError());
    const { token } = state.tokens.issueToken({
      userId: check.record.userId,
      kind: 'long',
      permissions: check.record.permissions,
    });
    return tokenReply(c, token, LONG_LIVED_TTL_SECONDS);
  };

  const refresh = (c: Context) => {
    const { grant_type, access_token } = c.req.query();
    if (grant_type === undefined) return sendGraphFailure(c, missingParameterError('grant_type'));
    if (grant_type !== 'ig_refresh_token') {
      return sendGraphFailure(c, unsupportedGrantTypeError('ig_refresh_token'));
    }
    if (!access_token) return sendGraphFailure(c, missingParameterError('access_token'));
    const check = checkToken(state, access_token);
    if (!check.ok) return sendGraphFailure(c, check.failure);
    const { record } = check;
    if (record.kind !== 'long') return sendGraphFailure(c, notLongLivedError());
    const now = state.clock.now();
    if (now - record.issuedAtMs < REFRESH_MIN_AGE_SECONDS * 1000) {
      state.calls.countRefreshTooEarly();
      if (state.config.refreshTooEarly === 'error') {
        return sendGraphFailure(c, refreshTooEarlyError());
      }
      return tokenReply(c, access_token, Math.floor((record.expiresAtMs - now) / 1000));
    }
    const { token } = state.tokens.issueToken({
      userId: record.userId,
      kind: 'long',
      permissions: record.permissions,
    });
    if (state.config.revokeOldOnRefresh) state.tokens.revokeToken(access_token, 467);
    return tokenReply(c, token, LONG_LIVED_TTL_SECONDS);
  };

  const wrongMethod = (c: Context) => sendGraphFailure(c, unsupportedMethodError(c.req.method));
  const exchangeTracked = trackedEndpoint(state, 'access_token');
  const refreshTracked = trackedEndpoint(state, 'refresh_access_token');

  return new Hono()
    .get('/access_token', exchangeTracked, exchange)
    .get(`${VERSION}/access_token`, exchangeTracked, exchange)
    .get('/refresh_access_token', refreshTracked, refresh)
    .get(`${VERSION}/refresh_access_token`, refreshTracked, refresh)
    .all('/refresh_access_token', refreshTracked, wrongMethod)
    .all(`${VERSION}/refresh_access_token`, refreshTracked, wrongMethod);
}
