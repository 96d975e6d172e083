/**
 * The pause before each retry of the long-lived exchange (docs/instagram-contract.md §3.3):
 * 250 ms, 500 ms, 1 s, 2 s, 4 s, each with ±20 % jitter so that many proxies do not retry in step.
 */

/** How often and how fast the long-lived exchange is retried. */
export const LONG_LIVED_RETRY = {
  /** Attempts in all, the first included. */
  maxAttempts: 6,
  /** Pause before the second attempt; it doubles each time. */
  firstDelayMs: 250,
  /** No pause is longer than this (before jitter). */
  maxDelayMs: 4_000,
  /** An attempt is only started with at least this much of the budget left. */
  minAttemptMs: 200,
} as const;

/** Waits `ms` milliseconds; tests inject one that returns at once. */
export type Sleep = (ms: number) => Promise<void>;

/** The default {@link Sleep}: a timer. */
export const sleepFor: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The pause after failed attempt number `attempt` (1 for the first): the doubling schedule of
 * {@link LONG_LIVED_RETRY} times a jitter factor from 0.8 to 1.2 drawn from `random` (0 ≤ x < 1).
 */
export function backoffDelayMs(attempt: number, random: () => number): number {
  const base = Math.min(
    LONG_LIVED_RETRY.maxDelayMs,
    LONG_LIVED_RETRY.firstDelayMs * 2 ** Math.max(0, attempt - 1),
  );
  return Math.round(base * (0.8 + 0.4 * random()));
}
