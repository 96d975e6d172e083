/** `GET` and `POST /oauth/authorize`: the consent page and the redirect back to the app. */
import { Hono, type Context } from 'hono';
import { SANDBOX_USERS, type SandboxUser } from './defaults';
import {
  allowRedirect,
  denyRedirect,
  validateAuthorizeParams,
  type AuthorizeRequest,
} from './authorize-request';
import { authorizeErrorPage, consentPage, PAGE_CSP } from './consent-page';
import { readFormFields } from './read-form';
import type { SandboxState } from './sandbox-state';
import { trackedEndpoint } from './tracked-endpoint';

/** Routes of the authorize step. */
export function authorizeRoutes(state: SandboxState) {
  const validate = (params: Record<string, string>) =>
    validateAuthorizeParams(params, {
      clientId: state.app.clientId,
      redirectUris: state.config.redirectUris,
    });

  const deny = (c: Context, request: AuthorizeRequest) => c.redirect(denyRedirect(request), 302);

  const allow = (c: Context, request: AuthorizeRequest, user: SandboxUser) => {
    const code = state.tokens.issueCode({
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      userId: user.user_id,
      permissions: request.scopes,
    });
    return c.redirect(allowRedirect(request, code), 302);
  };

  return new Hono()
    .get('/oauth/authorize', trackedEndpoint(state, 'oauth/authorize'), (c) => {
      const params = c.req.query();
      const validation = validate(params);
      if (!validation.ok) return errorPage(c, validation.message);
      if (state.consent === 'allow') return allow(c, validation.request, SANDBOX_USERS[0]);
      if (state.consent === 'deny') return deny(c, validation.request);
      c.header('Content-Security-Policy', PAGE_CSP);
      return c.html(
        consentPage({
          clientId: state.app.clientId,
          scopes: validation.request.scopes,
          users: SANDBOX_USERS,
          params,
        }),
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
      return allow(c, validation.request, user);
    });
}

function errorPage(c: Context, message: string) {
  c.header('Content-Security-Policy', PAGE_CSP);
  return c.html(authorizeErrorPage(message), 400);
}
