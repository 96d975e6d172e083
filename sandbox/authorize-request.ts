/** Validation of the authorize parameters and the redirects that answer them. */
import { isInstagramScope } from '../shared/instagram-scopes';
import { readPkceParams, type PkceParams } from './pkce';

/** A validated authorize request. */
export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  /** Requested scopes, de-duplicated, in request order. */
  scopes: string[];
  state: string | undefined;
  /** The S256 PKCE challenge, when one was sent and PKCE is enforced. */
  codeChallenge: string | undefined;
}

/** Outcome of validating authorize parameters; `message` is what Instagram's error page says. */
export type AuthorizeValidation =
  { ok: true; request: AuthorizeRequest } | { ok: false; message: string };

/** What the parameters are checked against. */
export interface AuthorizeRules {
  clientId: string;
  redirectUris: readonly string[];
  /** Off: the PKCE parameters are ignored like any other unknown parameter. */
  enforcePkce: boolean;
}

const INVALID_REQUEST = 'Invalid Request: Request parameters are invalid:';

/**
 * The error page of an account that is not an accepted tester of an app in development. Modelled
 * on public reports of "Insufficient developer role" (docs/instagram-contract.md §1.6); the rest of
 * the wording is the sandbox's own.
 */
export const INSUFFICIENT_DEVELOPER_ROLE =
  'Insufficient developer role: The user is not a tester of this app or has not accepted the invite.';

/**
 * `force_reauth=true` (or `1`): show the account chooser even when a session exists
 * (docs/instagram-contract.md §1.7).
 */
export function forcesReauth(params: Readonly<Record<string, string>>): boolean {
  return params.force_reauth === 'true' || params.force_reauth === '1';
}

/**
 * Checks `client_id`, `redirect_uri` (exact match), `response_type=code`, `scope` (comma- or
 * space-separated current names; retired `business_*` names are unknown) and, when enforced, the
 * PKCE parameters, in that order, and ignores every other parameter.
 */
export function validateAuthorizeParams(
  params: Readonly<Record<string, string>>,
  rules: AuthorizeRules,
): AuthorizeValidation {
  const fail = (detail: string): AuthorizeValidation => ({
    ok: false,
    message: `${INVALID_REQUEST} ${detail}`,
  });
  const clientId = params.client_id;
  if (clientId !== rules.clientId) return fail('Invalid platform app');
  const redirectUri = params.redirect_uri;
  if (redirectUri === undefined || !rules.redirectUris.includes(redirectUri)) {
    return fail('Invalid redirect_uri');
  }
  if (params.response_type !== 'code') return fail('Invalid response_type');
  const scopes = [...new Set((params.scope ?? '').split(/[\s,]+/).filter((name) => name !== ''))];
  const unknown = scopes.filter((name) => !isInstagramScope(name));
  if (scopes.length === 0 || unknown.length > 0) {
    return fail(`Invalid scope: [${unknown.join(',')}]`);
  }
  const pkce: PkceParams = rules.enforcePkce
    ? readPkceParams(params)
    : { ok: true, challenge: undefined };
  if (!pkce.ok) return fail(`Invalid ${pkce.problem}`);
  return {
    ok: true,
    request: { clientId, redirectUri, scopes, state: params.state, codeChallenge: pkce.challenge },
  };
}

/** `redirect_uri?code=…&state=…#_`: Instagram appends `#_`, which is not part of the code. */
export function allowRedirect(request: AuthorizeRequest, code: string): string {
  return `${withQuery(request.redirectUri, { code, ...stateOf(request) })}#_`;
}

/** The redirect of a user who clicked Deny, with `state` echoed as Facebook does. */
export function denyRedirect(request: AuthorizeRequest): string {
  return withQuery(request.redirectUri, {
    error: 'access_denied',
    error_reason: 'user_denied',
    error_description: 'The user denied your request',
    ...stateOf(request),
  });
}

/** `{state}` when the request carried one, to be echoed on its redirect. */
export function stateOf(request: { state: string | undefined }): Record<string, string> {
  return request.state === undefined ? {} : { state: request.state };
}

/** `uri` with `params` appended to its query. */
export function withQuery(uri: string, params: Record<string, string>): string {
  return `${uri}${uri.includes('?') ? '&' : '?'}${new URLSearchParams(params).toString()}`;
}
