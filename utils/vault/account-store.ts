/** Connected accounts: listing, saving with their token in one write, reading a token, removal. */
import type { AccountRecord, TokenSlot } from './account-record';
import { AppError, VaultLockedError } from '@/utils/errors';
import { maskToken } from './mask-token';
import { inspectVault, readVault, updateVault } from './vault';

/** An account as pages see it: everything but the sealed tokens. */
export type AccountSummary = Omit<AccountRecord, 'token' | 'pageToken'>;

function summarize({
  token: _sealed,
  pageToken: _page,
  ...summary
}: AccountRecord): AccountSummary {
  return summary;
}

/** Every stored account, sorted by username. Needs no key, so it works while locked. */
export async function listAccounts(): Promise<AccountSummary[]> {
  const vault = await readVault();
  return Object.values(vault.accounts)
    .map(summarize)
    .sort((left, right) => left.username.localeCompare(right.username));
}

/** A stored account whose record cannot be read, and why; the user can remove it. */
export interface DamagedAccountView {
  id: string;
  problem: string;
}

/** Stored accounts that cannot be read, so that pages can say so and offer to remove them. */
export async function listDamagedAccounts(): Promise<DamagedAccountView[]> {
  const vault = await readVault();
  return Object.entries(vault.damaged).map(([id, { problem }]) => ({ id, problem }));
}

/**
 * Stores an account and its token in one write. `build` receives the account already stored
 * under that Instagram user id, if any, so that a reconnect replaces it (keeping its history)
 * instead of adding it twice. A Facebook Login account's Page token is replaced when
 * `pageToken` is given and kept otherwise.
 */
export function saveAccount(
  accountId: string,
  build: (existing: AccountSummary | undefined) => AccountSummary,
  token: string,
  pageToken?: string,
): Promise<{ replaced: boolean }> {
  return updateVault(async (vault, tools) => {
    const existing = vault.accounts[accountId];
    const account = { ...build(existing && summarize(existing)), id: accountId };
    const record: AccountRecord = {
      ...account,
      token: await tools.seal(accountId, token),
      pageToken:
        pageToken === undefined
          ? existing?.pageToken
          : await tools.seal(accountId, pageToken, 'pageToken'),
    };
    return {
      vault: { ...vault, accounts: { ...vault.accounts, [accountId]: record } },
      result: { replaced: existing !== undefined },
    };
  });
}

/** One stored account, without its token. */
export async function findAccount(accountId: string): Promise<AccountSummary> {
  const account = (await readVault()).accounts[accountId];
  if (!account) throw new AppError('account_not_found');
  return summarize(account);
}

/** Changes an account's metadata in one write, leaving its sealed token as it is. */
export function updateAccount(
  accountId: string,
  change: (account: AccountSummary) => AccountSummary,
): Promise<AccountSummary> {
  return updateVault((vault) => {
    const existing = vault.accounts[accountId];
    if (!existing) throw new AppError('account_not_found');
    const account = { ...change(summarize(existing)), id: accountId };
    return {
      vault: {
        ...vault,
        accounts: {
          ...vault.accounts,
          [accountId]: { ...account, token: existing.token, pageToken: existing.pageToken },
        },
      },
      result: account,
    };
  });
}

/** Decrypts one account's token (or its Page token) for immediate use. */
export function readAccountToken(accountId: string, slot: TokenSlot = 'token'): Promise<string> {
  return inspectVault((_vault, tools) => tools.open(accountId, slot));
}

/**
 * The masked form of every token, for display. Empty while the vault is locked; an unreadable
 * token is left out rather than failing the whole list.
 */
export async function readTokenPreviews(): Promise<Record<string, string>> {
  return inspectVault(async (vault, tools) => {
    const previews: Record<string, string> = {};
    for (const id of Object.keys(vault.accounts)) {
      const token = await tools.open(id).catch((error: unknown) => {
        if (error instanceof VaultLockedError) throw error;
        return undefined;
      });
      if (token !== undefined) previews[id] = maskToken(token);
    }
    return previews;
  }).catch((error: unknown) => {
    if (error instanceof VaultLockedError) return {};
    throw error;
  });
}

/** Deletes an account and its ciphertext, readable or damaged. */
export function removeAccount(accountId: string): Promise<void> {
  return updateVault((vault) => {
    if (!(accountId in vault.accounts) && !(accountId in vault.damaged)) {
      throw new AppError('account_not_found');
    }
    const { [accountId]: _removed, ...accounts } = vault.accounts;
    const { [accountId]: _damaged, ...damaged } = vault.damaged;
    return { vault: { ...vault, accounts, damaged }, result: undefined };
  });
}
