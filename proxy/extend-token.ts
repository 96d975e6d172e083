/**
 * Step 4 with retries: the long-lived exchange is the one step of an exchange that may be
 * repeated (docs/instagram-contract.md §3.3), with backoff, within the request's budget. Instagram
 * and Facebook extend tokens alike, so each login path only says how one attempt is made.
 */
import type { UpstreamError } from '../shared/exchange-contract';
import type { Deadline } from './deadline';
import { retryUpstream, type RetryDeps } from './retry-upstream';

export type { RetryDeps } from './retry-upstream';

/** How the long-lived exchange ended, if it did not throw. */
export type TokenExtension<T> =
  | { readonly extended: true; readonly token: T; readonly attempts: number }
  | {
      readonly extended: false;
      /** The upstream's last refusal, if any attempt got one (a timeout has none). */
      readonly lastRefusal: UpstreamError | undefined;
      readonly attempts: number;
    };

/**
 * Trades the short-lived token for a long-lived one with `attempt`, retrying transient failures
 * and the flaky code 100 with backoff while attempts and budget last. Resolves `extended: false`
 * when they run out, or at once for a refusal a retry cannot fix (throttling, a permission), so
 * that the caller can still hand out the short-lived token.
 * @throws {ProxyError} when the upstream says the short-lived token is dead (190, 102).
 */
export async function extendToken<T>(
  deadline: Deadline,
  attempt: () => Promise<T>,
  retry: RetryDeps,
): Promise<TokenExtension<T>> {
  const outcome = await retryUpstream(deadline, attempt, retry);
  return outcome.ok
    ? { extended: true, token: outcome.value, attempts: outcome.attempts }
    : { extended: false, lastRefusal: outcome.lastRefusal, attempts: outcome.attempts };
}
