/**
 * The time budget of one request: every Instagram call and every pause before a retry must end
 * before it, so the whole exchange finishes within `EXCHANGE_BUDGET_MS`.
 */

/** A point in time that a request's work must finish by. */
export interface Deadline {
  /** Milliseconds left, never negative. */
  remainingMs(): number;
  /** The timeout of one upstream call: at most `capMs`, and never past the deadline. */
  timeoutFor(capMs: number): number;
}

/** Starts a deadline `budgetMs` from now; `clock` returns milliseconds (default: `performance.now`). */
export function startDeadline(
  budgetMs: number,
  clock: () => number = () => performance.now(),
): Deadline {
  const endsAt = clock() + budgetMs;
  const remainingMs = () => Math.max(0, Math.floor(endsAt - clock()));
  return {
    remainingMs,
    timeoutFor: (capMs) => Math.min(capMs, remainingMs()),
  };
}

/**
 * A deadline `reserveMs` before `deadline`, so that one step cannot spend the time a later step
 * of the same request needs.
 */
export function endingEarlier(deadline: Deadline, reserveMs: number): Deadline {
  const remainingMs = () => Math.max(0, deadline.remainingMs() - reserveMs);
  return { remainingMs, timeoutFor: (capMs) => Math.min(capMs, remainingMs()) };
}
