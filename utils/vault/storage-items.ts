/**
 * Every key this extension stores, except the settings (`settings/settings-store.ts`), with the
 * schema each read and write is checked against. Each item is versioned from day one.
 */
import * as z from 'zod/mini';
import { defineCheckedItem } from './define-checked-item';
import { WrappedKeySchema } from './passphrase-wrap';

/** Default idle time before a passphrase-locked vault locks itself. */
export const DEFAULT_AUTO_LOCK_MINUTES = 15;

/**
 * Accounts, their sealed tokens and the passphrase wrap live in one item, so that connecting,
 * refreshing or turning the lock on is a single `storage.local.set`: no crash can leave a token
 * sealed under a key that was never saved. Each account record is parsed on its own
 * (`split-accounts.ts`), so that one damaged record cannot hide the others.
 */
const StoredVaultSchema = z.object({
  wrappedKey: z.nullable(WrappedKeySchema),
  autoLockMinutes: z.number().check(z.int(), z.gte(1)),
  accounts: z.record(z.string(), z.unknown()),
});
/** The vault item's value, as stored. */
export type StoredVault = z.infer<typeof StoredVaultSchema>;

/** An empty vault in device mode. */
export function createEmptyVault(): StoredVault {
  return { wrappedKey: null, autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES, accounts: {} };
}

/** Accounts, sealed tokens and the passphrase wrap. */
export const vaultItem = defineCheckedItem('local:vault', StoredVaultSchema, {
  version: 1,
  fallback: createEmptyVault(),
});

/** Wrong-passphrase bookkeeping; kept on disk so that reopening the popup does not reset it. */
const UnlockThrottleSchema = z.object({ failures: z.number(), lastFailureAt: z.number() });

/** Consecutive wrong passphrases. */
export const unlockThrottleItem = defineCheckedItem('local:unlockThrottle', UnlockThrottleSchema, {
  version: 1,
  fallback: { failures: 0, lastFailureAt: 0 },
});

/** The unlocked data key, in memory-only `storage.session`, with the time it was last used. */
const VaultSessionSchema = z.object({ key: z.string(), lastUsedAt: z.number() });

/** The unlocked data key while a passphrase-locked vault is open. */
export const vaultSessionItem = defineCheckedItem('session:vaultSession', VaultSessionSchema, {
  version: 1,
});

const PendingFlowSchema = z.object({
  createdAt: z.number(),
  profileId: z.string(),
  redirectUri: z.string(),
  codeVerifier: z.string(),
});
/** What is remembered about a login in progress. */
export type PendingFlow = z.infer<typeof PendingFlowSchema>;

/**
 * Logins in progress, keyed by their `state`, in memory-only `storage.session`: they survive the
 * service worker being stopped mid-flow but not a browser restart.
 */
export const pendingFlowsItem = defineCheckedItem(
  'session:pendingFlows',
  z.record(z.string(), PendingFlowSchema),
  { version: 1, fallback: {} },
);

/**
 * A failed login's error as stored for the popup. Its code is any word: one written by a newer
 * version still shows its message, and the list of codes stays out of the background's bundle.
 */
const ErrorPayloadSchema = z.object({
  code: z.string().check(z.regex(/^[a-z_]{1,40}$/)),
  message: z.string(),
  hint: z.string(),
  retryAfterMs: z.optional(z.number()),
});

const ConnectProgressSchema = z.object({
  phase: z.enum(['authorizing', 'exchanging', 'done', 'failed']),
  profileId: z.string(),
  updatedAt: z.number(),
  username: z.optional(z.string()),
  replaced: z.optional(z.boolean()),
  /** The login worked, but Instagram would not make the token a 60-day one. */
  shortLived: z.optional(z.boolean()),
  /** Facebook Login: which accounts came through which Page, and the Pages without one. */
  detail: z.optional(z.string()),
  error: z.optional(ErrorPayloadSchema),
});
/** Where the current (or last) connect flow stands. */
export type ConnectProgress = z.infer<typeof ConnectProgressSchema>;

/** The connect flow's progress, in memory-only storage, for any popup that opens meanwhile. */
export const connectProgressItem = defineCheckedItem(
  'session:connectProgress',
  ConnectProgressSchema,
  { version: 1 },
);

/** A pending clipboard clear (Firefox): a hash of the copied text, never the text. */
const ClipboardJobSchema = z.object({
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  clearAt: z.number(),
});

/** The clipboard clear waiting for its alarm (Firefox), in memory-only storage. */
export const clipboardJobItem = defineCheckedItem('session:clipboardJob', ClipboardJobSchema, {
  version: 1,
});

/** Whether the native bridge is connected, or why not; shown on the options page. */
const BridgeStatusSchema = z.object({
  connected: z.boolean(),
  /** The browser's reason for a port that would not stay open (e.g. the host is not installed). */
  problem: z.optional(z.string().check(z.maxLength(300))),
  updatedAt: z.number(),
});
/** The native bridge's state. */
export type BridgeStatus = z.infer<typeof BridgeStatusSchema>;

/** The native bridge's state, in memory-only storage: it lasts as long as the port can. */
export const bridgeStatusItem = defineCheckedItem('session:bridgeStatus', BridgeStatusSchema, {
  version: 1,
});
