/**
 * Retry delays for transient failures: capped exponential backoff with full jitter (AWS
 * Architecture Blog, "Exponential Backoff And Jitter"), never sooner than the server asked with
 * Retry-After, and never under the 30-second alarm minimum.
 */

/** Delay ceiling before jitter for the first retry. */
export const BACKOFF_BASE_MS = 60_000;
/** Longest wait between two attempts. */
export const BACKOFF_CAP_MS = 6 * 3_600_000;
/** Chrome will not fire an alarm sooner than this for a packed extension. */
export const MIN_DELAY_MS = 30_000;

/** Full-jitter delay for the `attempt`-th retry (0-based): uniform in [0, min(cap, base·2^attempt)). */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** When the `attempt`-th retry may run, honouring a server's Retry-After. */
export function retryAt(
  attempt: number,
  now: number,
  retryAfterMs = 0,
  random: () => number = Math.random,
): number {
  return now + Math.max(MIN_DELAY_MS, retryAfterMs, backoffDelayMs(attempt, random));
}
