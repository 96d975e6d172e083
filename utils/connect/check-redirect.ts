/** Checking what Instagram redirects back to. */
import { AppError } from '@/utils/errors';

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
