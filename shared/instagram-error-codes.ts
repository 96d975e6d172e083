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
