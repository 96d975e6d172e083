/**
 * The Graph API error codes that the extension, the proxy and the sandbox act on: one list each,
 * so that the three never drift apart. See docs/instagram-contract.md §6 and §7.
 */

/**
 * Meta's throttling codes: 4 app, 17 user, 32 Pages, 341 app limit, 613 custom rate limit, and
 * the business use case limits 80001 (Page) and 80002 (Instagram).
 */
export const RATE_LIMIT_CODES = [4, 17, 32, 341, 613, 80001, 80002] as const;
/** One throttling code. */
export type RateLimitCode = (typeof RATE_LIMIT_CODES)[number];

/** Whether a Graph error code means "slow down" rather than "this is wrong". */
export function isRateLimitCode(code: number | undefined): code is RateLimitCode {
  return RATE_LIMIT_CODES.some((known) => known === code);
}

/** Codes 1 ("unknown", often temporary) and 2 ("service temporarily unavailable"). */
export const TRANSIENT_CODES = [1, 2] as const;

/** Whether Instagram is throttling or briefly failing: worth a retry in a minute, not a fix. */
export function isBusyCode(code: number | undefined): boolean {
  return isRateLimitCode(code) || TRANSIENT_CODES.some((known) => known === code);
}

/**
 * Subcodes of Facebook's code 100 at the code exchange (docs/instagram-contract.md §9.2): the code
 * expired, the `redirect_uri` differs from the dialog's, the code was already used.
 */
export const FACEBOOK_CODE_SUBCODES = {
  expired: 36007,
  redirectMismatch: 36008,
  used: 36009,
} as const;

/**
 * Code 100 subcode 33: the object does not exist, cannot be loaded because a permission is
 * missing, or does not support the operation (Facebook's `Unsupported get request`).
 */
export const FACEBOOK_MISSING_OBJECT_SUBCODE = 33;

/** Code 101: Facebook does not know the application id (docs/instagram-contract.md §9.2). */
export const FACEBOOK_INVALID_APP_CODE = 101;

/**
 * Codes that mark a token itself dead (docs/instagram-contract.md §6.3): 190, and 102 without a
 * subcode. Rate limits, 5xx and every other code never do.
 */
export const DEAD_TOKEN_CODES = [190, 102] as const;

/** Whether a Graph error code says the token is dead. */
export function isDeadTokenCode(code: number | undefined): boolean {
  return DEAD_TOKEN_CODES.some((known) => known === code);
}

/**
 * The subcodes of 190 (docs/instagram-contract.md §6.3), named: 458 app not installed, 459 user
 * checkpointed, 460 password changed, 463 expired, 464 unconfirmed user, 467 invalid token, 492
 * Page role lost.
 */
export const TOKEN_ERROR_SUBCODES = {
  appNotInstalled: 458,
  userCheckpointed: 459,
  passwordChanged: 460,
  expired: 463,
  unconfirmedUser: 464,
  invalidToken: 467,
  invalidSession: 492,
} as const;
/** One named subcode of 190. */
export type TokenErrorSubcode = (typeof TOKEN_ERROR_SUBCODES)[keyof typeof TOKEN_ERROR_SUBCODES];

/** 459 and 464: the user must first log in on facebook.com to fix their account. */
export const NEEDS_FACEBOOK_LOGIN_SUBCODES: readonly TokenErrorSubcode[] = [
  TOKEN_ERROR_SUBCODES.userCheckpointed,
  TOKEN_ERROR_SUBCODES.unconfirmedUser,
];
