/** Reaching into the extension's storage from a browser test, to stand in for time passing. */
import * as z from 'zod/mini';
import type { LoadedExtension } from './launch-extension';

const StoredVaultSchema = z.looseObject({
  accounts: z.record(z.string(), z.looseObject({ lastCheckedAt: z.nullable(z.number()) })),
});

/** Moves an account's last check `ageMs` into the past, as if that much time had gone by. */
export async function backdateLastCheck(
  extension: LoadedExtension,
  accountId: string,
  ageMs: number,
): Promise<void> {
  const stored = await extension.worker.evaluate(() => chrome.storage.local.get('vault'));
  const vault = StoredVaultSchema.parse(stored.vault);
  const account = vault.accounts[accountId];
  if (!account) throw new Error(`No stored account ${accountId}`);
  account.lastCheckedAt = Date.now() - ageMs;
  await extension.worker.evaluate((value) => chrome.storage.local.set({ vault: value }), vault);
}

/** Fires an account's upkeep alarm now, as Chrome does when its time comes. */
export async function fireUpkeepAlarm(
  extension: LoadedExtension,
  accountId: string,
): Promise<void> {
  await extension.worker.evaluate(
    (name) => chrome.alarms.create(name, { when: Date.now() }),
    `upkeep:${accountId}`,
  );
}

/** The toolbar badge's text and tooltip. */
export function readBadge(extension: LoadedExtension): Promise<{ text: string; title: string }> {
  return extension.worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    title: await chrome.action.getTitle({}),
  }));
}

/** Changes stored settings directly, for values the options page would not offer. */
export async function patchStoredSettings(
  extension: LoadedExtension,
  patch: Record<string, unknown>,
): Promise<void> {
  const stored = await extension.worker.evaluate(() => chrome.storage.local.get('settings'));
  const settings = z.looseObject({}).parse(stored.settings);
  await extension.worker.evaluate((value) => chrome.storage.local.set({ settings: value }), {
    ...settings,
    ...patch,
  });
}

/** Forgets every stored account and the last login's outcome, as a fresh install would have none. */
export async function clearAccounts(extension: LoadedExtension): Promise<void> {
  const stored = await extension.worker.evaluate(() => chrome.storage.local.get('vault'));
  await extension.worker.evaluate(() => chrome.storage.session.remove('connectProgress'));
  // Before the first login there is no vault at all, which is already empty.
  if (stored.vault === undefined) return;
  const vault = StoredVaultSchema.parse(stored.vault);
  await extension.worker.evaluate((value) => chrome.storage.local.set({ vault: value }), {
    ...vault,
    accounts: {},
  });
}
