/**
 * `GET` and `POST /facebook/v<NN>.<N>/oauth/access_token` (docs/instagram-contract.md §9.2, §9.3):
 * the authorization code for a short-lived user token (no `grant_type`, or
 * `authorization_code`), and `grant_type=fb_exchange_token` for a 60-day one. Parameters come from
 * the query, and for POST from the form too.
 */
import { Hono, type Context } from 'hono';
import { FB_SHORT_LIVED_TTL_SECONDS, LONG_LIVED_TTL_SECONDS } from './defaults';
import { FACEBOOK_VERSION } from './facebook-dialog-routes';
import {
  facebookCodeError,
  invalidAppIdError,
  missingFacebookParameterError,
  wrongTokenKindError,
} from './facebook-errors';
import { checkFacebookToken } from './facebook-token-check';
import { invalidClientSecretError, unsupportedGrantTypeError } from './graph-errors';
import { sendGraphFailure } from './graph-response';
import { verifierMatches } from './pkce';
import { readFormFields } from './read-form';
import type { SandboxState } from './sandbox-state';
import { reportSecret } from './secret-listener';
import { trackCall } from './tracked-endpoint';

/** Routes of Facebook's token endpoint, versioned and not. */
export function facebookTokenRoutes(state: SandboxState) {
  const facebook = state.facebook;
  const tokenReply = (c: Context, token: string, expiresIn: number) =>
    c.json({ access_token: token, token_type: 'bearer', expires_in: expiresIn });

  const redeem = (c: Context, params: Record<string, string>) => {
    const { redirect_uri: redirectUri, code } = params;
    if (!redirectUri) return sendGraphFailure(c, missingFacebookParameterError('redirect_uri'));
    if (!code) return sendGraphFailure(c, missingFacebookParameterError('code'));
    const redemption = facebook.tokens.redeemCode(code, redirectUri);
    if (!redemption.ok) return sendGraphFailure(c, facebookCodeError(redemption.reason));
    const { grant } = redemption;
    // The code is spent here: a wrong verifier burns it, as in the Instagram sandbox.
    if (
      state.config.enforcePkce &&
      grant.codeChallenge !== undefined &&
      !verifierMatches(grant.codeChallenge, params.code_verifier)
    ) {
      return sendGraphFailure(c, facebookCodeError('verifier'));
    }
    const { token } = facebook.tokens.issueToken({
      userId: grant.userId,
      kind: 'short',
      scopes: grant.scopes,
    });
    return tokenReply(c, token, FB_SHORT_LIVED_TTL_SECONDS);
  };

  const extend = (c: Context, params: Record<string, string>) => {
    const shortLived = params.fb_exchange_token;
    if (!shortLived) return sendGraphFailure(c, missingFacebookParameterError('fb_exchange_token'));
    const check = checkFacebookToken(state, shortLived);
    if (!check.ok) return sendGraphFailure(c, check.failure);
    const { record } = check;
    if (record.kind === 'page') {
      return sendGraphFailure(c, wrongTokenKindError('fb_exchange_token must be a user token'));
    }
    const { token } = facebook.tokens.issueToken({
      userId: record.userId,
      kind: 'long',
      scopes: record.scopes,
      dataAccessExpiresAtMs: record.dataAccessExpiresAtMs,
    });
    return tokenReply(c, token, LONG_LIVED_TTL_SECONDS);
  };

  const handler = async (c: Context) => {
    const params = {
      ...c.req.query(),
      ...(c.req.method === 'POST' ? await readFormFields(c) : {}),
    };
    const grantType = params.grant_type;
    const failed = await trackCall(
      state,
      grantType === 'fb_exchange_token'
        ? 'facebook/fb_exchange_token'
        : 'facebook/oauth/access_token',
      c,
    );
    if (failed !== undefined) return failed;
    if (params.code_verifier) reportSecret('code_verifier', params.code_verifier);
    if (!params.client_id) return sendGraphFailure(c, missingFacebookParameterError('client_id'));
    if (params.client_id !== facebook.app.appId) return sendGraphFailure(c, invalidAppIdError());
    if (params.client_secret !== facebook.app.appSecret) {
      return sendGraphFailure(c, invalidClientSecretError());
    }
    if (grantType === 'fb_exchange_token') return extend(c, params);
    if (grantType === undefined || grantType === 'authorization_code') return redeem(c, params);
    return sendGraphFailure(
      c,
      unsupportedGrantTypeError('authorization_code or fb_exchange_token'),
    );
  };

  return new Hono()
    .on(['GET', 'POST'], '/facebook/oauth/access_token', handler)
    .on(['GET', 'POST'], `/facebook/${FACEBOOK_VERSION}/oauth/access_token`, handler);
}
