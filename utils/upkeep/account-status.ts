/**
 * The one status model every surface shows (popup chip, badge, notifications). It is derived from
 * stored facts at the moment it is shown, so it never goes stale. Kept free of zod and storage so
 * that the popup can use it within its size budget.
 */
import type { AccountSummary } from '@/utils/vault/account-store';

/** What a user needs to know about a token right now. */
export type AccountStatus =
  | 'valid'
  | 'expiring'
  | 'expired'
  | 'revoked'
  | 'refused'
  | 'rate_limited'
  | 'network_error'
  | 'locked';

/** Status labels as the popup shows them. */
export const STATUS_LABELS: Record<AccountStatus, string> = {
  valid: 'Valid',
  expiring: 'Expiring',
  expired: 'Expired',
  revoked: 'Revoked',
  refused: 'Refused',
  rate_limited: 'Rate limited',
  network_error: 'Offline',
  locked: 'Locked',
};

/** What the status depends on besides the account. */
export interface StatusContext {
  now: number;
  locked: boolean;
  /** How long before expiry a token counts as expiring. */
  warningWindowMs: number;
}

/**
 * When the token stops giving access: when it expires or, for Facebook Login, when the app's
 * access to the user's data ends, if that comes first (both need a new login). Null if unknown.
 */
export function accessEndsAt(
  account: Pick<AccountSummary, 'expiresAt' | 'dataAccessExpiresAt'>,
): number | null {
  const ends = [account.expiresAt, account.dataAccessExpiresAt].filter((at) => at !== null);
  return ends.length === 0 ? null : Math.min(...ends);
}

/** The status of one account; the most serious fact wins. */
export function accountStatus(
  account: Pick<AccountSummary, 'health' | 'expiresAt' | 'dataAccessExpiresAt'>,
  { now, locked, warningWindowMs }: StatusContext,
): AccountStatus {
  const endsAt = accessEndsAt(account);
  if (account.health === 'revoked') return 'revoked';
  if (account.health === 'expired' || (endsAt !== null && endsAt <= now)) return 'expired';
  if (account.health === 'refused') return 'refused';
  if (locked) return 'locked';
  if (account.health === 'rate_limited' || account.health === 'network_error')
    return account.health;
  if (endsAt !== null && endsAt - now <= warningWindowMs) return 'expiring';
  return 'valid';
}
