/**
 * Which failures of the long-lived exchange are worth another attempt (docs/instagram-contract.md
 * §3.3): the short-lived token survives a failed exchange, so a transient answer or the flaky
 * `Unsupported request - method type: get` is retried. A dead token (190, 102), a throttling
 * answer, any other refusal or a malformed 200 is not. The code exchange is never retried (§2.4).
 * Only a dead token ends the request in an error: for every other failure the short-lived token
 * still works for an hour, and the code that bought it is already spent.
 */
import { isDeadTokenCode, isRateLimitCode } from '../shared/instagram-error-codes';
import type { ProxyError } from './errors';

/** Whether Instagram said the short-lived token itself is dead, so there is nothing to hand out. */
export function isDeadTokenFailure(error: ProxyError): boolean {
  return isDeadTokenCode(error.upstream?.code);
}

/** Whether a failed long-lived exchange may be tried again with the same short-lived token. */
export function isRetryableLongLivedFailure(error: ProxyError): boolean {
  const code = error.upstream?.code;
  if (isDeadTokenCode(code) || isRateLimitCode(code)) {
    return false;
  }
  if (error.upstreamStatus === 429) return false;
  switch (error.code) {
    case 'upstream_timeout':
      return true;
    case 'upstream_busy':
      // Busy and not throttled: codes 1 and 2.
      return true;
    case 'upstream_error':
      return (
        error.upstreamStatus === undefined || // unreachable, or the connection dropped
        error.upstreamStatus >= 500 ||
        isUnsupportedGet(error)
      );
    case 'upstream_bad_response':
      // An HTML 502 from a gateway is transient; a malformed 200 is not.
      return error.upstreamStatus !== undefined && error.upstreamStatus >= 500;
    default:
      return false;
  }
}

/** IGApiException 100 `Unsupported request - method type: get`, which comes and goes (§3.3). */
function isUnsupportedGet(error: ProxyError): boolean {
  return error.upstream?.code === 100 && /unsupported request/i.test(error.upstream.message ?? '');
}
