/** Turns a {@link ProxyError} into the contract's JSON error body with the matching status. */
import type { Context } from 'hono';
import type { ProxyErrorBody, ProxyErrorCode } from '../shared/exchange-contract';
import type { ProxyError } from './errors';
import type { ProxyEnv } from './proxy-env';

/** HTTP status of every error code; the README's error table mirrors it. */
export const ERROR_STATUS = {
  invalid_request: 400,
  redirect_uri_not_allowed: 400,
  origin_not_allowed: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  upstream_busy: 503,
  upstream_error: 502,
  upstream_bad_response: 502,
  upstream_timeout: 504,
  internal_error: 500,
} as const satisfies Record<ProxyErrorCode, number>;

/** Builds the JSON error body; `upstream` is present only when Instagram caused the error. */
export function errorBody(error: ProxyError): ProxyErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.upstream === undefined ? {} : { upstream: error.upstream }),
    },
  };
}

/** Answers `error` (with `Retry-After` when it says how long to wait) and notes its code for the log. */
export function errorResponse(c: Context<ProxyEnv>, error: ProxyError): Response {
  c.set('errorCode', error.code);
  if (error.retryAfterSeconds !== undefined) {
    c.header('Retry-After', String(error.retryAfterSeconds));
  }
  return c.json(errorBody(error), ERROR_STATUS[error.code]);
}
