/** Checking what Instagram redirects back to, in one function. */
import { AppError } from '@/utils/errors';
import { words } from '@/utils/words';

/** What this flow's redirect must carry. */
export interface ExpectedRedirect {
  redirectUri: string;
  /** This flow's own state; undefined once it has expired, so that every redirect is refused. */
  state: string | undefined;
}

/**
 * Checks a redirect caught by `launchWebAuthFlow` and returns its code, in oauth4webapi's order:
 * where it went (Chrome completes the flow for any path of the redirect origin), then `state`,
 * which must be this flow's own, then `error`, then the code. Instagram's `#_` suffix is dropped
 * (docs/instagram-contract.md §1.4), and a code that still holds `#` or white space is refused.
 */
export function checkRedirect(redirectUrl: string, expected: ExpectedRedirect): string {
  let url: URL;
  let registered: URL;
  try {
    url = new URL(redirectUrl);
    registered = new URL(expected.redirectUri);
  } catch (cause) {
    throw new AppError('redirect_mismatch', { cause });
  }
  if (url.origin !== registered.origin || url.pathname !== registered.pathname) {
    throw new AppError('redirect_mismatch');
  }
  const params = url.searchParams;
  if (expected.state === undefined || params.get('state') !== expected.state) {
    throw new AppError('state_invalid');
  }
  const error = params.get('error');
  if (error === 'access_denied') throw new AppError('auth_declined');
  if (error) {
    throw new AppError('auth_failed', {
      message: words('redirect_error', params.get('error_description') ?? error),
    });
  }
  const code = (params.get('code') ?? '').replace(/#_$/, '');
  if (code === '' || /[#\s]/.test(code)) {
    throw new AppError('auth_failed', { message: words('redirect_no_code') });
  }
  return code;
}
