/** Reaching into the extension's storage from an extension page, to stand in for time passing. */
import type { Page } from 'puppeteer-core';
import * as z from 'zod/mini';
import { readLocalStorage, removeSessionStorage, writeLocalStorage } from './in-extension';

const StoredVaultSchema = z.looseObject({
  accounts: z.record(
    z.string(),
    z.looseObject({
      lastCheckedAt: z.nullable(z.number()),
      retry: z.optional(z.nullable(z.object({ attempt: z.number(), notBefore: z.number() }))),
    }),
  ),
});

/** Moves an account's last check `ageMs` into the past, as if that much time had gone by. */
export async function backdateLastCheck(
  page: Page,
  accountId: string,
  ageMs: number,
): Promise<void> {
  const vault = StoredVaultSchema.parse(await readLocalStorage(page, 'vault'));
  const account = vault.accounts[accountId];
  if (!account) throw new Error(`No stored account ${accountId}`);
  account.lastCheckedAt = Date.now() - ageMs;
  await writeLocalStorage(page, 'vault', vault);
}

/** Forgets every stored account and the last login's outcome, as a fresh install would have none. */
export async function clearAccounts(page: Page): Promise<void> {
  await removeSessionStorage(page, 'connectProgress');
  const stored = await readLocalStorage(page, 'vault');
  // Before the first login there is no vault at all, which is already empty.
  if (stored === undefined) return;
  await writeLocalStorage(page, 'vault', { ...StoredVaultSchema.parse(stored), accounts: {} });
}

/** How many times in a row the account's checks or refreshes have failed and will be retried. */
export async function readRetryAttempts(page: Page, accountId: string): Promise<number> {
  const vault = StoredVaultSchema.parse(await readLocalStorage(page, 'vault'));
  return vault.accounts[accountId]?.retry?.attempt ?? 0;
}
