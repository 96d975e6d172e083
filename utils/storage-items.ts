/**
 * Every key this extension stores, in one place. Each item is versioned from day one; values are
 * parsed with zod whenever they are read, because storage is a boundary too.
 */
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { AccountRecordSchema } from './account-record';
import { createDefaultSettings, migrateSettingsV1ToV2, type Settings } from './settings';
import { WrappedKeySchema } from './vault/passphrase-wrap';

/** Default idle time before a passphrase-locked vault locks itself. */
export const DEFAULT_AUTO_LOCK_MINUTES = 15;

/**
 * Accounts, their sealed tokens and the passphrase wrap live in one item, so that connecting,
 * refreshing or turning the lock on is a single `storage.local.set`: no crash can leave a token
 * sealed under a key that was never saved.
 */
export const VaultDataSchema = z.object({
  wrappedKey: z.nullable(WrappedKeySchema),
  autoLockMinutes: z.number().check(z.int(), z.gte(1)),
  accounts: z.record(z.string(), AccountRecordSchema),
});
/** The vault item's value. */
export type VaultData = z.infer<typeof VaultDataSchema>;

/** An empty vault in device mode. */
export function createEmptyVault(): VaultData {
  return { wrappedKey: null, autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES, accounts: {} };
}

/** Accounts, sealed tokens and the passphrase wrap. */
export const vaultItem = storage.defineItem<VaultData>('local:vault', {
  version: 1,
  fallback: createEmptyVault(),
});

/** App profiles and preferences. Version 1 held a single app. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  version: 2,
  fallback: createDefaultSettings(),
  migrations: { 2: migrateSettingsV1ToV2 },
});

/** Wrong-passphrase bookkeeping; kept on disk so that reopening the popup does not reset it. */
export const UnlockThrottleSchema = z.object({ failures: z.number(), lastFailureAt: z.number() });
/** The unlock throttle item's value. */
export type UnlockThrottle = z.infer<typeof UnlockThrottleSchema>;

/** Consecutive wrong passphrases. */
export const unlockThrottleItem = storage.defineItem<UnlockThrottle>('local:unlockThrottle', {
  version: 1,
  fallback: { failures: 0, lastFailureAt: 0 },
});

/** The unlocked data key, in memory-only `storage.session`, with the time it was last used. */
export const VaultSessionSchema = z.object({ key: z.string(), lastUsedAt: z.number() });
/** The vault session item's value. */
export type VaultSession = z.infer<typeof VaultSessionSchema>;

/** The unlocked data key while a passphrase-locked vault is open. */
export const vaultSessionItem = storage.defineItem<VaultSession>('session:vaultSession', {
  version: 1,
});
