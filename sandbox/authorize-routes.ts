/**
 * `GET` and `POST /oauth/authorize`: the account chooser (or the "Continue as" page of a logged-in
 * session), the login that sets the session cookie, and the redirect back to the app.
 */
import { Hono, type Context } from 'hono';
import { SANDBOX_USERS, type SandboxUser } from './defaults';
import {
  allowRedirect,
  denyRedirect,
  forcesReauth,
  INSUFFICIENT_DEVELOPER_ROLE,
  validateAuthorizeParams,
  type AuthorizeRequest,
} from './authorize-request';
import { authorizeErrorPage, consentPage, continueAsPage, PAGE_CSP } from './consent-page';
import { readFormFields } from './read-form';
import type { SandboxState } from './sandbox-state';
import { findSandboxUser } from './sandbox-users';
import { trackedEndpoint } from './tracked-endpoint';

/** Routes of the authorize step. */
export function authorizeRoutes(state: SandboxState) {
  const validate = (params: Record<string, string>) =>
    validateAuthorizeParams(params, {
      clientId: state.app.clientId,
      redirectUris: state.config.redirectUris,
      enforcePkce: state.config.enforcePkce,
    });

  /** The account a session cookie is logged in as, unless `force_reauth` asks to choose again. */
  const sessionUser = (c: Context, params: Record<string, string>) => {
    if (forcesReauth(params)) return undefined;
    const userId = state.sessions.userOf(c);
    return userId === undefined ? undefined : findSandboxUser(userId);
  };

  const deny = (c: Context, request: AuthorizeRequest) => c.redirect(denyRedirect(request), 302);

  const logIn = (c: Context, request: AuthorizeRequest, user: SandboxUser) => {
    // The Instagram login itself succeeds even when the app then refuses the account.
    state.sessions.logIn(c, user.user_id);
    const pending = state.config.pendingTesterUserIds;
    if (pending.includes(user.user_id) || pending.includes(user.id)) {
      return errorPage(c, INSUFFICIENT_DEVELOPER_ROLE);
    }
    const code = state.tokens.issueCode({
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      userId: user.user_id,
      permissions: request.scopes,
      codeChallenge: request.codeChallenge,
    });
    return c.redirect(allowRedirect(request, code), 302);
  };

  return new Hono()
    .get('/oauth/authorize', trackedEndpoint(state, 'oauth/authorize'), (c) => {
      const params = c.req.query();
      const validation = validate(params);
      if (!validation.ok) return errorPage(c, validation.message);
      const { request } = validation;
      const session = sessionUser(c, params);
      if (state.consent.mode === 'allow') {
        const user = session ?? findSandboxUser(state.consent.userId) ?? SANDBOX_USERS[0];
        return logIn(c, request, user);
      }
      if (state.consent.mode === 'deny') return deny(c, request);
      c.header('Content-Security-Policy', PAGE_CSP);
      const page = { clientId: state.app.clientId, scopes: request.scopes, params };
      return c.html(
        session
          ? continueAsPage({ ...page, user: session })
          : consentPage({ ...page, users: SANDBOX_USERS }),
      );
    })
    .post('/oauth/authorize', trackedEndpoint(state, 'oauth/authorize'), async (c) => {
      const fields = await readFormFields(c);
      const validation = validate(fields);
      if (!validation.ok) return errorPage(c, validation.message);
      if (fields.decision === 'deny') return deny(c, validation.request);
      const user = SANDBOX_USERS.find((candidate) => candidate.user_id === fields.user_id);
      if (fields.decision !== 'allow' || !user) {
        return errorPage(c, 'Invalid Request: choose an account, then Allow or Deny');
      }
      // The "Continue as" page offers one account; a form edited to pick another is refused.
      const session = sessionUser(c, fields);
      if (session && session.user_id !== user.user_id) {
        return errorPage(c, `Invalid Request: continue as @${session.username}, or deny`);
      }
      return logIn(c, validation.request, user);
    });
}

/**
 * An error page in the login window, answered with HTTP 200: users report seeing these pages and
 * closing the window, and Chromium's `launchWebAuthFlow` ends the flow at once ("Authorization
 * page could not be loaded") on an HTTP error status, so a 4xx page could never be seen there.
 */
function errorPage(c: Context, message: string) {
  c.header('Content-Security-Policy', PAGE_CSP);
  return c.html(authorizeErrorPage(message), 200);
}
