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

const StoredAccountTimesSchema = z.looseObject({
  issuedAt: z.number(),
  expiresAt: z.nullable(z.number()),
  lastRefreshedAt: z.nullable(z.number()),
  lastCheckedAt: z.nullable(z.number()),
});

/**
 * Moves every timestamp of an account's token `ageMs` into the past, as if it had been issued and
 * last refreshed and checked that long ago.
 */
export async function backdateAccount(
  extension: LoadedExtension,
  accountId: string,
  ageMs: number,
): Promise<void> {
  const stored = await extension.worker.evaluate(() => chrome.storage.local.get('vault'));
  const vault = StoredVaultSchema.parse(stored.vault);
  const account = StoredAccountTimesSchema.parse(vault.accounts[accountId]);
  const back = (time: number | null) => (time === null ? null : time - ageMs);
  vault.accounts[accountId] = {
    ...account,
    issuedAt: account.issuedAt - ageMs,
    expiresAt: back(account.expiresAt),
    lastRefreshedAt: back(account.lastRefreshedAt),
    lastCheckedAt: back(account.lastCheckedAt),
  };
  await extension.worker.evaluate((value) => chrome.storage.local.set({ vault: value }), vault);
}

const StoredAccountSchema = z.looseObject({
  id: z.string(),
  health: z.string(),
  retry: z.nullable(z.object({ attempt: z.number(), notBefore: z.number() })),
  lastRefreshedAt: z.nullable(z.number()),
  events: z.array(
    z.looseObject({ at: z.number(), type: z.string(), ok: z.boolean(), message: z.string() }),
  ),
});
/** The parts of a stored account that browser tests read. */
export type StoredAccount = z.infer<typeof StoredAccountSchema>;

/** The stored accounts, by id (none before the first login). */
export async function readStoredAccounts(
  extension: LoadedExtension,
): Promise<Record<string, StoredAccount>> {
  const stored = await extension.worker.evaluate(() => chrome.storage.local.get('vault'));
  if (stored.vault === undefined) return {};
  const vault = z.looseObject({ accounts: z.record(z.string(), StoredAccountSchema) });
  return vault.parse(stored.vault).accounts;
}

/** Every alarm of the extension, by name, with the time it fires next. */
export async function readAlarms(extension: LoadedExtension): Promise<Map<string, number>> {
  const alarms = await extension.worker.evaluate(() => chrome.alarms.getAll());
  return new Map(alarms.map((alarm) => [alarm.name, alarm.scheduledTime]));
}

const SessionStateSchema = z.object({
  pendingFlows: z.optional(z.record(z.string(), z.looseObject({ createdAt: z.number() }))),
  connectProgress: z.optional(z.looseObject({ phase: z.string() })),
});

/** The login state the extension keeps in `storage.session`: pending flows and progress. */
export async function readLoginSession(
  extension: LoadedExtension,
): Promise<z.infer<typeof SessionStateSchema>> {
  const stored = await extension.worker.evaluate(() =>
    chrome.storage.session.get(['pendingFlows', 'connectProgress']),
  );
  return SessionStateSchema.parse(stored);
}
