/**
 * When a token is refreshed. Instagram refuses tokens under 24 hours old, and a token that expired
 * cannot be refreshed at all, so refresh happens once the token is at least a day old and either
 * inside the window before expiry or past the maximum age. The age counts from the last refresh.
 */
import type { AccountSummary } from '@/utils/vault/account-store';

/** Instagram's minimum token age for `ig_refresh_token`. */
export const MIN_REFRESH_AGE_MS = 24 * 3_600_000;

/** The user's refresh preferences, in milliseconds. */
export interface RefreshPolicy {
  windowMs: number;
  maxAgeMs: number;
}

/** Why a refresh is or is not made now, and when it next could be. */
export type RefreshDecision =
  | { refresh: true; reason: 'in_window' | 'max_age' | 'unknown_expiry' }
  | { refresh: false; reason: 'too_new' | 'not_due'; nextAt: number }
  | { refresh: false; reason: 'expired' | 'dead' | 'not_refreshable' };

type RefreshFacts = Pick<
  AccountSummary,
  'issuedAt' | 'lastRefreshedAt' | 'expiresAt' | 'health' | 'tokenKind'
>;

/** When the token was issued or last refreshed. */
export function tokenBornAt(account: RefreshFacts): number {
  return account.lastRefreshedAt ?? account.issuedAt;
}

/** Decides from stored timestamps only, never from when an alarm happened to fire. */
export function decideRefresh(
  account: RefreshFacts,
  policy: RefreshPolicy,
  now: number,
): RefreshDecision {
  if (account.health === 'revoked' || account.health === 'expired')
    return { refresh: false, reason: 'dead' };
  // Facebook user tokens are only renewed by a new login (docs/instagram-contract.md §9.3).
  if (account.tokenKind === 'facebook_login') return { refresh: false, reason: 'not_refreshable' };
  if (account.expiresAt !== null && account.expiresAt <= now)
    return { refresh: false, reason: 'expired' };
  const bornAt = tokenBornAt(account);
  if (now - bornAt < MIN_REFRESH_AGE_MS) {
    return { refresh: false, reason: 'too_new', nextAt: bornAt + MIN_REFRESH_AGE_MS };
  }
  if (account.expiresAt === null) return { refresh: true, reason: 'unknown_expiry' };
  if (account.expiresAt - now <= policy.windowMs) return { refresh: true, reason: 'in_window' };
  if (now - bornAt >= policy.maxAgeMs) return { refresh: true, reason: 'max_age' };
  return {
    refresh: false,
    reason: 'not_due',
    nextAt: Math.min(account.expiresAt - policy.windowMs, bornAt + policy.maxAgeMs),
  };
}
