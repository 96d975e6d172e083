/**
 * What a failed check or refresh means for the account. Only Instagram's own verdict on the token
 * (code 190) marks it dead; anything transient is retried later and never marks a token revoked.
 */
import type { AccountHealth } from '@/utils/vault/account-record';
import { AppError } from '@/utils/errors';

/** How a failure changes an account. */
export type FailureClass =
  | { kind: 'dead'; health: Extract<AccountHealth, 'expired' | 'revoked'> }
  | {
      kind: 'transient';
      health: Extract<AccountHealth, 'rate_limited' | 'network_error'>;
      retryAfterMs?: number;
    }
  | { kind: 'refused' };

/** Sorts a failure into dead, transient (retry with backoff) or refused (tell the user). */
export function classifyFailure(error: unknown): FailureClass {
  if (!(error instanceof AppError)) return { kind: 'transient', health: 'network_error' };
  switch (error.code) {
    case 'token_expired':
      return { kind: 'dead', health: 'expired' };
    case 'token_revoked':
    case 'token_invalid':
      return { kind: 'dead', health: 'revoked' };
    // A Facebook Login check asks the proxy: its limits and failures are not about the token.
    case 'proxy_rate_limited':
    case 'instagram_busy':
    case 'rate_limited':
      return { kind: 'transient', health: 'rate_limited', retryAfterMs: error.retryAfterMs };
    // An id that is not a number is a garbled answer, not a verdict on the token.
    case 'account_id_invalid':
    case 'proxy_unreachable':
    case 'proxy_failed':
    case 'network_error':
    case 'instagram_unavailable':
      return { kind: 'transient', health: 'network_error', retryAfterMs: error.retryAfterMs };
    default:
      return { kind: 'refused' };
  }
}
