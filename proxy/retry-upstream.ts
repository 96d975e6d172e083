/**
 * The retry loop of the steps that may be repeated (docs/instagram-contract.md §3.3): a call that
 * spends nothing upstream is tried again on a transient answer, with backoff, while attempts and
 * the request's budget last. The code exchange never goes through it (§2.4).
 */
import type { UpstreamError } from '../shared/exchange-contract';
import { LONG_LIVED_RETRY, backoffDelayMs, type Sleep } from './backoff';
import type { Deadline } from './deadline';
import { ProxyError } from './errors';
import { isDeadTokenFailure, isRetryableLongLivedFailure } from './retry-policy';

/** The seams of the retry loop. */
export interface RetryDeps {
  /** Jitter source, 0 ≤ x < 1. */
  readonly random: () => number;
  readonly sleep: Sleep;
}

/** How a retried call ended, if it did not throw. */
export type RetryOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly attempts: number }
  | {
      readonly ok: false;
      /** The last failure. */
      readonly error: ProxyError | undefined;
      /** The upstream's last refusal, if any attempt got one (a timeout has none). */
      readonly lastRefusal: UpstreamError | undefined;
      readonly attempts: number;
    };

/**
 * Calls `attempt` until it succeeds, the failure cannot be fixed by a retry, or attempts or
 * budget run out.
 * @throws {ProxyError} when the upstream says the token is dead (190, 102): nothing to hand out.
 */
export async function retryUpstream<T>(
  deadline: Deadline,
  attempt: () => Promise<T>,
  retry: RetryDeps,
): Promise<RetryOutcome<T>> {
  let lastRefusal: UpstreamError | undefined;
  let lastError: ProxyError | undefined;
  let attempts = 0;
  while (deadline.remainingMs() > 0) {
    attempts += 1;
    try {
      return { ok: true, value: await attempt(), attempts };
    } catch (error) {
      if (!(error instanceof ProxyError) || isDeadTokenFailure(error)) throw error;
      lastError = error;
      lastRefusal = error.upstream ?? lastRefusal;
      if (!isRetryableLongLivedFailure(error)) break;
    }
    const delay = backoffDelayMs(attempts, retry.random);
    const leftAfterPause = deadline.remainingMs() - delay;
    if (
      attempts >= LONG_LIVED_RETRY.maxAttempts ||
      leftAfterPause < LONG_LIVED_RETRY.minAttemptMs
    ) {
      break;
    }
    await retry.sleep(delay);
  }
  return { ok: false, error: lastError, lastRefusal, attempts };
}
