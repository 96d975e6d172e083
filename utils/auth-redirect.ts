/** Building the authorize URL and checking what Instagram redirects back to. */
import { AppError, type ErrorCode } from './errors';

/** What a login needs to build its authorize URL. */
export interface AuthorizeRequest {
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  codeChallenge: string;
}

/**
 * The authorize URL: the configured endpoint plus exactly the OAuth parameters. PKCE (S256) is
 * sent although Instagram ignores it today: it costs nothing and is ready if Instagram enforces it.
 */
export function buildAuthorizeUrl(request: AuthorizeRequest): string {
  const url = new URL(request.authorizeUrl);
  url.search = new URLSearchParams({
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    response_type: 'code',
    scope: request.scopes.join(','),
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** The code and state of a successful redirect. */
export interface AuthRedirect {
  code: string;
  state: string | undefined;
}

/**
 * Checks a redirect caught by `launchWebAuthFlow`. Chrome completes the flow for any URL on the
 * redirect origin, so the path is checked here; a denial becomes `auth_declined`; Instagram's
 * `#_` suffix is dropped, and a code that still holds `#` or white space is refused.
 */
export function parseAuthRedirect(redirectUrl: string, expectedRedirectUri: string): AuthRedirect {
  let url: URL;
  let expected: URL;
  try {
    url = new URL(redirectUrl);
    expected = new URL(expectedRedirectUri);
  } catch (cause) {
    throw new AppError('redirect_mismatch', { cause });
  }
  if (url.origin !== expected.origin || url.pathname !== expected.pathname) {
    throw new AppError('redirect_mismatch');
  }
  const params = url.searchParams;
  const state = params.get('state') ?? undefined;
  const error = params.get('error');
  if (error === 'access_denied') throw new AppError('auth_declined');
  if (error) {
    throw new AppError('auth_failed', {
      message: `Instagram ended the login: ${params.get('error_description') ?? error}.`,
    });
  }
  const code = (params.get('code') ?? '').replace(/#_$/, '');
  if (code === '' || /[#\s]/.test(code)) {
    throw new AppError('auth_failed', { message: 'Instagram sent no usable login code.' });
  }
  return { code, state };
}

/** Browser messages of `launchWebAuthFlow` failures (Chrome and Firefox wordings). */
const FLOW_FAILURES: ReadonlyArray<readonly [RegExp, ErrorCode]> = [
  [/did not approve|cancel|closed|user denied/, 'auth_cancelled'],
  [/could not be loaded/, 'authorize_unreachable'],
  [/incognito/, 'incognito_unsupported'],
];

/** Turns a `launchWebAuthFlow` rejection into the error the user should see. */
export function authFlowFailure(error: unknown): AppError {
  const message = error instanceof Error ? error.message.toLowerCase() : '';
  const code = FLOW_FAILURES.find(([pattern]) => pattern.test(message))?.[1] ?? 'auth_failed';
  return new AppError(code, { cause: error });
}
