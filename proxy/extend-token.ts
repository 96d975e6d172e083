/**
 * Step 4 with retries: the long-lived exchange is the one step that may be repeated
 * (docs/instagram-contract.md §3.3), with backoff, within the request's budget.
 */
import type { UpstreamError } from '../shared/exchange-contract';
import type { LongLivedTokenResponse } from '../shared/instagram-responses';
import { LONG_LIVED_RETRY, backoffDelayMs, type Sleep } from './backoff';
import type { AppCredentials } from './config';
import { ProxyError } from './errors';
import { exchangeForLongLived, type InstagramClient } from './instagram-calls';
import { isDeadTokenFailure, isRetryableLongLivedFailure } from './retry-policy';

/** The seams of the retry loop. */
export interface RetryDeps {
  /** Jitter source, 0 ≤ x < 1. */
  readonly random: () => number;
  readonly sleep: Sleep;
}

/** How the long-lived exchange ended, if it did not throw. */
export type TokenExtension =
  | { readonly extended: true; readonly token: LongLivedTokenResponse; readonly attempts: number }
  | {
      readonly extended: false;
      /** Instagram's last refusal, if any attempt got one (a timeout has none). */
      readonly lastRefusal: UpstreamError | undefined;
      readonly attempts: number;
    };

/**
 * Trades the short-lived token for a long-lived one, retrying transient failures and the flaky
 * code 100 with backoff while attempts and budget last. Resolves `extended: false` when they run
 * out, or at once for a refusal a retry cannot fix (throttling, a permission), so that the caller
 * can still hand out the short-lived token.
 * @throws {ProxyError} when Instagram says the short-lived token is dead (190, 102).
 */
export async function extendToken(
  client: InstagramClient,
  app: AppCredentials,
  shortLivedToken: string,
  sensitive: readonly string[],
  retry: RetryDeps,
): Promise<TokenExtension> {
  let lastRefusal: UpstreamError | undefined;
  let attempts = 0;
  while (client.deadline.remainingMs() > 0) {
    attempts += 1;
    try {
      const token = await exchangeForLongLived(client, app, shortLivedToken, sensitive);
      return { extended: true, token, attempts };
    } catch (error) {
      if (!(error instanceof ProxyError) || isDeadTokenFailure(error)) throw error;
      lastRefusal = error.upstream ?? lastRefusal;
      if (!isRetryableLongLivedFailure(error)) break;
    }
    const delay = backoffDelayMs(attempts, retry.random);
    const leftAfterPause = client.deadline.remainingMs() - delay;
    if (
      attempts >= LONG_LIVED_RETRY.maxAttempts ||
      leftAfterPause < LONG_LIVED_RETRY.minAttemptMs
    ) {
      break;
    }
    await retry.sleep(delay);
  }
  return { extended: false, lastRefusal, attempts };
}
