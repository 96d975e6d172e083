/**
 * `GET` and `POST /facebook/v<NN>.<N>/dialog/oauth`: Facebook's login dialog (docs/instagram-contract.md
 * §9.1). Like Instagram's authorize page, a login session is remembered and a later dialog only
 * offers "Continue as"; unlike it, "Not you?" leads back to the chooser. `auth_type=reauthenticate`
 * also asks who is logging in.
 */
import { Hono, type Context } from 'hono';
import { CONSENT_FIELDS, PAGE_CSP, authorizeErrorPage, type LoginBrand } from './consent-page';
import { SANDBOX_FB_USERS, type SandboxFacebookUser } from './defaults';
import { facebookChooserPage, facebookContinueAsPage } from './facebook-consent-page';
import {
  dialogAllowRedirect,
  dialogDenyRedirect,
  validateDialogParams,
  type DialogRequest,
} from './facebook-dialog-request';
import { findFacebookUser } from './facebook-users';
import { readFormFields } from './read-form';
import type { SandboxState } from './sandbox-state';
import { trackedEndpoint } from './tracked-endpoint';

/** A Graph version segment: `v` and two numbers (`v25.0`, `v3.2`). */
export const FACEBOOK_VERSION = ':version{v\\d+\\.\\d+}';

const DIALOG_PATH = `/facebook/${FACEBOOK_VERSION}/dialog/oauth`;

/** Routes of the Facebook dialog. */
export function facebookDialogRoutes(state: SandboxState) {
  const facebook = state.facebook;
  const brandOf = (c: Context): LoginBrand => ({
    name: 'Facebook',
    action: `/facebook/${c.req.param('version') ?? 'v25.0'}/dialog/oauth`,
  });
  const validate = (params: Record<string, string>) =>
    validateDialogParams(params, {
      appId: facebook.app.appId,
      redirectUris: state.config.redirectUris,
      enforcePkce: state.config.enforcePkce,
    });
  /** The remembered user, unless the request asks to authenticate again. */
  const sessionUser = (c: Context, params: Record<string, string>) => {
    if (params.auth_type === 'reauthenticate') return undefined;
    const userId = facebook.sessions.userOf(c);
    return userId === undefined ? undefined : findFacebookUser(userId);
  };
  const logIn = (c: Context, request: DialogRequest, user: SandboxFacebookUser) => {
    facebook.sessions.logIn(c, user.id);
    const code = facebook.tokens.issueCode({
      redirectUri: request.redirectUri,
      userId: user.id,
      scopes: request.scopes,
      codeChallenge: request.codeChallenge,
    });
    return c.redirect(dialogAllowRedirect(request, code), 302);
  };
  const errorPage = (c: Context, message: string) => {
    c.header('Content-Security-Policy', PAGE_CSP);
    return c.html(authorizeErrorPage(message, brandOf(c)), 200);
  };
  const chooser = (c: Context, request: DialogRequest, params: Record<string, string>) => {
    c.header('Content-Security-Policy', PAGE_CSP);
    const visible = Object.fromEntries(
      Object.entries(params).filter(([name]) => !CONSENT_FIELDS.some((field) => field === name)),
    );
    return c.html(
      facebookChooserPage({
        clientId: facebook.app.appId,
        scopes: request.scopes,
        params: visible,
        users: SANDBOX_FB_USERS,
        brand: brandOf(c),
      }),
    );
  };

  return new Hono()
    .get(DIALOG_PATH, trackedEndpoint(state, 'facebook/dialog/oauth'), (c) => {
      const params = c.req.query();
      const validation = validate(params);
      if (!validation.ok) return errorPage(c, validation.message);
      const { request } = validation;
      const session = sessionUser(c, params);
      if (facebook.consent.mode === 'allow') {
        const user = session ?? findFacebookUser(facebook.consent.userId) ?? SANDBOX_FB_USERS[0];
        return logIn(c, request, user);
      }
      if (facebook.consent.mode === 'deny') return c.redirect(dialogDenyRedirect(request), 302);
      if (session === undefined) return chooser(c, request, params);
      c.header('Content-Security-Policy', PAGE_CSP);
      return c.html(
        facebookContinueAsPage({
          clientId: facebook.app.appId,
          scopes: request.scopes,
          params,
          user: session,
          brand: brandOf(c),
        }),
      );
    })
    .post(DIALOG_PATH, trackedEndpoint(state, 'facebook/dialog/oauth'), async (c) => {
      const fields = await readFormFields(c);
      const validation = validate(fields);
      if (!validation.ok) return errorPage(c, validation.message);
      const { request } = validation;
      if (fields.decision === 'deny') return c.redirect(dialogDenyRedirect(request), 302);
      if (fields.decision === 'switch') {
        // "Not you?": forget the remembered user, then let the person choose.
        facebook.sessions.logOut(c);
        return chooser(c, request, fields);
      }
      const user = SANDBOX_FB_USERS.find((candidate) => candidate.id === fields.user_id);
      if (fields.decision !== 'allow' || user === undefined) {
        return errorPage(c, 'Invalid Request: choose a Facebook account, then Allow or Cancel.');
      }
      const session = sessionUser(c, fields);
      if (session !== undefined && session.id !== user.id) {
        return errorPage(c, `Invalid Request: continue as ${session.name}, or choose "Not you?".`);
      }
      return logIn(c, request, user);
    });
}
