/**
 * `POST /oauth/access_token`: a single-use code for a short-lived token, in one of three shapes,
 * naming the user by an app-scoped id (docs/instagram-contract.md §2.2, §5.3).
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { OAUTH_MESSAGES, oauthFlatErrorBody } from './graph-errors';
import { verifierMatches } from './pkce';
import { readFormFields } from './read-form';
import { reportSecret } from './secret-listener';
import type { SandboxConfig } from './sandbox-config';
import type { SandboxState } from './sandbox-state';
import { findSandboxUser } from './sandbox-users';
import { trackedEndpoint } from './tracked-endpoint';

const RequiredField = z.string().check(z.minLength(1));

/** The five required form fields, in the order their absence is reported, and the verifier. */
const CodeExchangeFormSchema = z.object({
  client_id: RequiredField,
  client_secret: RequiredField,
  grant_type: RequiredField,
  redirect_uri: RequiredField,
  code: RequiredField,
  code_verifier: z.optional(z.string()),
});

/** Route of the code exchange; accepts urlencoded and multipart bodies. */
export function codeExchangeRoute(state: SandboxState) {
  return new Hono().post(
    '/oauth/access_token',
    trackedEndpoint(state, 'oauth/access_token'),
    async (c) => {
      const parsed = CodeExchangeFormSchema.safeParse(await readFormFields(c));
      if (!parsed.success) {
        const missing = String(parsed.error.issues[0]?.path[0] ?? 'code');
        return c.json(oauthFlatErrorBody(OAUTH_MESSAGES.missingParameter(missing)), 400);
      }
      const form = parsed.data;
      if (form.code_verifier) reportSecret('code_verifier', form.code_verifier);
      if (form.grant_type !== 'authorization_code') {
        return c.json(oauthFlatErrorBody(OAUTH_MESSAGES.invalidGrantType), 400);
      }
      if (form.client_id !== state.app.clientId || form.client_secret !== state.app.clientSecret) {
        return c.json(oauthFlatErrorBody(OAUTH_MESSAGES.invalidApp), 400);
      }
      const redemption = state.tokens.redeemCode(form.code, form.client_id, form.redirect_uri);
      if (!redemption.ok) {
        const message =
          redemption.reason === 'redirect_mismatch'
            ? OAUTH_MESSAGES.redirectMismatch
            : OAUTH_MESSAGES.codeNotFound;
        return c.json(oauthFlatErrorBody(message), 400);
      }
      const { grant } = redemption;
      // The code is already spent here: a wrong verifier burns it, so it cannot be guessed at.
      if (
        state.config.enforcePkce &&
        grant.codeChallenge !== undefined &&
        !verifierMatches(grant.codeChallenge, form.code_verifier)
      ) {
        return c.json(oauthFlatErrorBody(OAUTH_MESSAGES.invalidCodeVerifier), 400);
      }
      const { token } = state.tokens.issueToken({
        userId: grant.userId,
        kind: 'short',
        permissions: grant.permissions,
      });
      // The exchange names the app-scoped id, not the account id /me reports
      // (docs/instagram-contract.md §5.3).
      const body = codeExchangeBody(state.config.codeExchangeShape, {
        token,
        userId: findSandboxUser(grant.userId)?.id ?? grant.userId,
        permissions: grant.permissions,
      });
      return c.body(body, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
    },
  );
}

interface IssuedShortToken {
  token: string;
  userId: string;
  permissions: readonly string[];
}

/**
 * The success body as text, because `flat` and `legacy` carry `user_id` as a bare integer above
 * 2^53, which `JSON.stringify` cannot write without losing digits.
 */
export function codeExchangeBody(
  shape: SandboxConfig['codeExchangeShape'],
  issued: IssuedShortToken,
): string {
  const token = JSON.stringify(issued.token);
  // userId is a seeded user's app-scoped id, all digits, so it is safe to splice in bare.
  const bareUserId = /^\d+$/.test(issued.userId) ? issued.userId : JSON.stringify(issued.userId);
  switch (shape) {
    case 'flat':
      return `{"access_token":${token},"user_id":${bareUserId},"permissions":${JSON.stringify(issued.permissions)}}`;
    case 'legacy':
      return `{"access_token":${token},"user_id":${bareUserId}}`;
    case 'wrapped':
      return JSON.stringify({
        data: [
          {
            access_token: issued.token,
            user_id: issued.userId,
            permissions: issued.permissions.join(','),
          },
        ],
      });
  }
}
