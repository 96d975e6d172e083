/**
 * Builders of every error body the sandbox sends: the Graph envelope
 * `{"error":{message,type,code,error_subcode?,fbtrace_id}}` and the flat body of
 * `POST /oauth/access_token`. Wording follows the captures in docs/instagram-contract.md §2.3,
 * §6.3–6.4 and §7.1; entries marked "unconfirmed" there are the sandbox's own guess.
 */
import type { RateLimitCode } from '../shared/instagram-error-codes';
import type { FacebookRevocationSubcode } from './facebook-token-store';
import { newTraceId } from './random-strings';
import type { RevocationSubcode } from './token-store';

/** The fields of a Graph error before a trace id is attached. */
export interface GraphErrorFields {
  message: string;
  type: 'OAuthException' | 'IGApiException';
  code: number;
  error_subcode?: number;
  is_transient?: boolean;
}

/** A Graph error ready to send: its HTTP status and fields. */
export interface GraphFailure {
  status: 400 | 401 | 500;
  fields: GraphErrorFields;
}

/** The Graph error envelope as serialised. */
export interface GraphErrorBody {
  error: GraphErrorFields & { fbtrace_id: string };
}

/** Wraps fields in the envelope with a fresh random `fbtrace_id`. */
export function graphErrorBody(fields: GraphErrorFields): GraphErrorBody {
  return { error: { ...fields, fbtrace_id: newTraceId() } };
}

/** The flat error of `POST /oauth/access_token`, always HTTP 400. */
export function oauthFlatErrorBody(message: string) {
  return { error_type: 'OAuthException', code: 400, error_message: message };
}

/** Flat messages of `POST /oauth/access_token`. */
export const OAUTH_MESSAGES = {
  codeNotFound: 'Matching code was not found or was already used',
  redirectMismatch:
    'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
  invalidApp: 'Invalid platform app',
  invalidGrantType: 'Invalid grant_type',
  invalidCodeVerifier: 'Invalid code_verifier',
  missingParameter: (name: string) => `Missing required parameter: ${name}`,
} as const;

/** Garbage, unknown, Facebook (`EAA…`) or wrong-host token. */
export function invalidTokenError(status: 400 | 401): GraphFailure {
  return {
    status,
    fields: {
      message: 'Invalid OAuth access token - Cannot parse access token',
      type: 'OAuthException',
      code: 190,
    },
  };
}

/**
 * An `IGQV…` / `IGQWR…` token of the Basic Display API, shut down on 4 Dec 2024: graph.instagram.com
 * was seen answering IGApiException 100 `Unsupported request - method type: get`, HTTP 400
 * (docs/instagram-contract.md §8). Not a 190, so nothing marks the token dead by its code alone.
 */
export function basicDisplayTokenError(): GraphFailure {
  return unsupportedMethodError('GET');
}

/** Request without any token (no query parameter, no Bearer header). */
export function missingTokenError(): GraphFailure {
  return {
    status: 400,
    fields: {
      message: 'An active access token must be used to query information about the current user.',
      type: 'OAuthException',
      code: 2500,
    },
  };
}

/** 190/463 with both timestamps in Facebook's own format. */
export function expiredTokenError(expiredAtMs: number, nowMs: number): GraphFailure {
  return {
    status: 400,
    fields: {
      message: `Error validating access token: Session has expired on ${formatSessionDate(expiredAtMs)}. The current time is ${formatSessionDate(nowMs)}.`,
      type: 'OAuthException',
      code: 190,
      error_subcode: 463,
    },
  };
}

/** 190 with the subcode a revocation was made with (460 by default). */
export function revokedTokenError(
  subcode: RevocationSubcode | FacebookRevocationSubcode,
  clientId: string,
): GraphFailure {
  const reasons: Record<RevocationSubcode | FacebookRevocationSubcode, string> = {
    458: `The user has not authorized application ${clientId}.`,
    459: 'You cannot access the app till you log in to www.facebook.com and follow the instructions given.',
    460: 'The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
    464: 'Sessions for the user are not allowed because the user is not a confirmed user.',
    467: 'The session is invalid because the user logged out.',
  };
  return {
    status: 400,
    fields: {
      message: `Error validating access token: ${reasons[subcode]}`,
      type: 'OAuthException',
      code: 190,
      error_subcode: subcode,
    },
  };
}

/** `/me?fields=` named a field the User node does not have. */
export function unknownFieldError(field: string): GraphFailure {
  return {
    status: 400,
    fields: {
      message: `(#100) Tried accessing nonexisting field (${field}) on node type (User)`,
      type: 'OAuthException',
      code: 100,
    },
  };
}

/**
 * `POST /refresh_access_token` and friends (docs/instagram-contract.md §4); with `get`, also the
 * flaky long-lived exchange (docs/instagram-contract.md §3.3) and Basic Display tokens (§8).
 */
export function unsupportedMethodError(method: string): GraphFailure {
  return {
    status: 400,
    fields: {
      message: `Unsupported request - method type: ${method.toLowerCase()}`,
      type: 'IGApiException',
      code: 100,
    },
  };
}

/**
 * Code 10: the app lacks the permission (docs/instagram-contract.md §6.5). HTTP 400 like most Graph
 * errors; whether Instagram sends 403 instead is unconfirmed.
 */
export function permissionDeniedError(): GraphFailure {
  return {
    status: 400,
    fields: {
      message: '(#10) Application does not have permission for this action',
      type: 'OAuthException',
      code: 10,
    },
  };
}

/** A required query parameter is missing. */
export function missingParameterError(name: string): GraphFailure {
  return {
    status: 400,
    fields: { message: `The parameter ${name} is required`, type: 'IGApiException', code: 100 },
  };
}

/** `grant_type` is not the one this endpoint expects. */
export function unsupportedGrantTypeError(expected: string): GraphFailure {
  return {
    status: 400,
    fields: {
      message: `Unsupported grant_type: this endpoint only accepts grant_type=${expected}`,
      type: 'OAuthException',
      code: 100,
    },
  };
}

/** Wrong `client_secret` on `ig_exchange_token`; modelled on Facebook's code 1 (unconfirmed). */
export function invalidClientSecretError(): GraphFailure {
  return {
    status: 400,
    fields: { message: 'Error validating client secret.', type: 'OAuthException', code: 1 },
  };
}

/** A long-lived token passed to `ig_exchange_token` (Instagram's answer is unconfirmed). */
export function alreadyLongLivedError(): GraphFailure {
  return {
    status: 400,
    fields: {
      message:
        'Invalid parameter: access_token is already a long-lived token; only a short-lived token can be exchanged',
      type: 'OAuthException',
      code: 100,
    },
  };
}

/** A short-lived token passed to `ig_refresh_token` (Instagram's answer is unconfirmed). */
export function notLongLivedError(): GraphFailure {
  return {
    status: 400,
    fields: {
      message: 'Invalid parameter: only a long-lived access token can be refreshed',
      type: 'OAuthException',
      code: 100,
    },
  };
}

/** Refresh of a token younger than 24 h, in `refreshTooEarly: 'error'` mode (unconfirmed wording). */
export function refreshTooEarlyError(): GraphFailure {
  return {
    status: 400,
    fields: {
      message: 'Access token can be refreshed only 24 hours after it was issued or last refreshed',
      type: 'OAuthException',
      code: 100,
    },
  };
}

/** Injected `server_error`: Graph's transient code 2. */
export function serverError(): GraphFailure {
  return {
    status: 500,
    fields: {
      message: 'An unexpected error has occurred. Please retry your request later.',
      type: 'OAuthException',
      code: 2,
      is_transient: true,
    },
  };
}

/** Injected throttling error; real Graph sends HTTP 400 for all of them. */
export function rateLimitError(code: RateLimitCode): GraphFailure {
  const messages: Record<RateLimitCode, string> = {
    4: '(#4) Application request limit reached',
    17: '(#17) User request limit reached',
    32: '(#32) Page request limit reached',
    341: '(#341) Application limit reached',
    613: '(#613) Calls to this api have exceeded the rate limit.',
    80001:
      '(#80001) There have been too many calls to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
    80002:
      '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
  };
  return {
    status: 400,
    fields: { message: messages[code], type: 'OAuthException', code, is_transient: true },
  };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PDT_OFFSET_MS = -7 * 3600 * 1000;

/**
 * `Thursday, 29-Jul-21 10:00:00 PDT`. Always rendered at UTC-7 and labelled PDT as in the captures,
 * so the text is stable all year (real Graph presumably says PST in winter).
 */
function formatSessionDate(ms: number): string {
  const date = new Date(ms + PDT_OFFSET_MS);
  const two = (value: number) => String(value).padStart(2, '0');
  const day = WEEKDAYS[date.getUTCDay()] ?? '';
  const month = MONTHS[date.getUTCMonth()] ?? '';
  const year = two(date.getUTCFullYear() % 100);
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${day}, ${two(date.getUTCDate())}-${month}-${year} ${time} PDT`;
}
