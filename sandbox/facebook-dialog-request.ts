/**
 * Validation of the Facebook dialog's parameters and the redirects that answer it
 * (docs/instagram-contract.md §9.1). Error texts follow the pages Facebook shows for an unknown
 * app and an unregistered redirect URI; the exact words are the sandbox's.
 */
import { stateOf, withQuery } from './authorize-request';
import { readPkceParams, type PkceParams } from './pkce';

/** Facebook Login permissions the dialog accepts (§9.1); others are "Invalid Scopes". */
export const FACEBOOK_PERMISSIONS = [
  'public_profile',
  'email',
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_metadata',
  'business_management',
  'instagram_basic',
  'instagram_content_publish',
  'instagram_manage_comments',
  'instagram_manage_insights',
  'instagram_manage_messages',
] as const;

/** A validated dialog request. */
export interface DialogRequest {
  redirectUri: string;
  /** Requested permissions, de-duplicated; `public_profile` when none were asked for. */
  scopes: string[];
  state: string | undefined;
  /** The S256 PKCE challenge, when one was sent and PKCE is enforced. */
  codeChallenge: string | undefined;
}

/** Outcome of validating the dialog's parameters; `message` is the error page's text. */
export type DialogValidation =
  { ok: true; request: DialogRequest } | { ok: false; message: string };

/** What the parameters are checked against. */
export interface DialogRules {
  appId: string;
  redirectUris: readonly string[];
  enforcePkce: boolean;
}

/**
 * Checks `client_id`, `redirect_uri` (exact match), `response_type` (`code` or absent), `scope`
 * (comma- or space-separated known permissions) and, when enforced, the S256 PKCE parameters.
 */
export function validateDialogParams(
  params: Readonly<Record<string, string>>,
  rules: DialogRules,
): DialogValidation {
  if (params.client_id !== rules.appId) {
    return {
      ok: false,
      message: 'Invalid App ID: The provided app ID does not look like a valid app ID.',
    };
  }
  const redirectUri = params.redirect_uri;
  if (redirectUri === undefined || !rules.redirectUris.includes(redirectUri)) {
    return {
      ok: false,
      message:
        "URL Blocked: This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings. Make sure Client and Web OAuth Login are on and add all your app domains as Valid OAuth Redirect URIs.",
    };
  }
  if (params.response_type !== undefined && params.response_type !== 'code') {
    return { ok: false, message: 'Invalid response_type: the sandbox only answers code.' };
  }
  const asked = [...new Set((params.scope ?? '').split(/[\s,]+/).filter((name) => name !== ''))];
  const unknown = asked.filter((name) => !FACEBOOK_PERMISSIONS.some((known) => known === name));
  if (unknown.length > 0) return { ok: false, message: `Invalid Scopes: ${unknown.join(', ')}.` };
  const pkce: PkceParams = rules.enforcePkce
    ? readPkceParams(params)
    : { ok: true, challenge: undefined };
  if (!pkce.ok) return { ok: false, message: `Invalid ${pkce.problem}.` };
  return {
    ok: true,
    request: {
      redirectUri,
      scopes: asked.length === 0 ? ['public_profile'] : asked,
      state: params.state,
      codeChallenge: pkce.challenge,
    },
  };
}

/** `redirect_uri?code=…&state=…#_=_`: Facebook appends `#_=_`, which is not part of the code. */
export function dialogAllowRedirect(request: DialogRequest, code: string): string {
  return `${withQuery(request.redirectUri, { code, ...stateOf(request) })}#_=_`;
}

/** The redirect of a user who clicked Cancel, with `state` echoed (§9.1). */
export function dialogDenyRedirect(request: DialogRequest): string {
  return withQuery(request.redirectUri, {
    error_reason: 'user_denied',
    error: 'access_denied',
    error_description: 'Permissions error.',
    ...stateOf(request),
  });
}
