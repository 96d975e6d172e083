/** Which account a command-line request names: `@username`, an id, or the only one. */
import type { AccountSummary } from '@/utils/vault/account-store';

/** The account a selector names, or why none does. */
export type FoundAccount =
  | { ok: true; account: AccountSummary }
  | { ok: false; code: 'account_not_found' | 'account_ambiguous' };

/**
 * Finds the account for `selector` among `accounts` (those the command line may see). Usernames
 * compare without case, as Instagram's do. Without a selector, there must be exactly one.
 */
export function findCliAccount(
  accounts: readonly AccountSummary[],
  selector: string | undefined,
): FoundAccount {
  if (selector === undefined) {
    const [only, ...others] = accounts;
    if (only && others.length === 0) return { ok: true, account: only };
    return { ok: false, code: only ? 'account_ambiguous' : 'account_not_found' };
  }
  const wanted = selector.startsWith('@') ? selector.slice(1).toLowerCase() : undefined;
  const account = accounts.find((candidate) =>
    wanted === undefined ? candidate.id === selector : candidate.username.toLowerCase() === wanted,
  );
  return account ? { ok: true, account } : { ok: false, code: 'account_not_found' };
}
