/**
 * The vault owns every secret at rest. Tokens are sealed with a data key that never leaves
 * WebCrypto as a usable key outside this module:
 * - device mode (default): a non-extractable key in IndexedDB;
 * - passphrase mode: the key bytes wrapped under a PBKDF2-derived key in the vault item, and,
 *   while unlocked, kept only in memory-only `storage.session`.
 * Every read-modify-write of the vault item runs under one mutex.
 */
import { base64ToBytes, bytesToBase64 } from '@/utils/vault/base64';
import { words } from '@/utils/words';
import { AppError, VaultCorruptError, VaultLockedError } from '@/utils/errors';
import { runExclusive } from '@/utils/run-exclusive';
import { sealSlot, type AccountRecord, type TokenSlot } from './account-record';
import { joinAccounts, splitAccounts, type DamagedAccount } from './split-accounts';
import {
  createEmptyVault,
  unlockThrottleItem,
  vaultItem,
  vaultSessionItem,
  type StoredVault,
} from './storage-items';
import { deleteDeviceKey, generateDataKey, loadDeviceKey, saveDeviceKey } from './device-key-store';
import {
  assertPassphraseStrength,
  importDataKey,
  unwrapKeyBytes,
  wrapKeyBytes,
  type WrappedKey,
} from './passphrase-wrap';
import { openToken, sealToken, type TokenEnvelope } from './token-envelope';
import { unlockDelayMs } from './unlock-throttle';

const VAULT_MUTEX = 'vault';

/** How often use of an unlocked vault is recorded for the idle auto-lock. */
const ACTIVITY_WRITE_INTERVAL_MS = 60_000;

/** What the UI needs to know about the vault. */
export interface VaultStatus {
  protection: 'device' | 'passphrase';
  locked: boolean;
  autoLockMinutes: number;
  /** Milliseconds before another unlock attempt is accepted; 0 when one may be made now. */
  unlockRetryAfterMs: number;
}

/** Sealing and opening tokens inside {@link updateVault}; the key is fetched on first use. */
export interface VaultTools {
  seal(accountId: string, token: string, slot?: TokenSlot): Promise<TokenEnvelope>;
  open(accountId: string, slot?: TokenSlot): Promise<string>;
}

/** What a vault update returns: the vault to save (if any) and a result for the caller. */
export interface VaultChange<T> {
  vault?: VaultData;
  result: T;
}

/** The vault as the code works with it: readable accounts apart from damaged ones. */
export interface VaultData extends Omit<StoredVault, 'accounts'> {
  accounts: Record<string, AccountRecord>;
  /** Stored accounts that cannot be read; kept as they are until the user removes them. */
  damaged: Record<string, DamagedAccount>;
}

/**
 * Reads and parses the vault item; unreadable data is reported, never replaced. Each account is
 * parsed on its own, so a damaged one is set aside instead of hiding the others.
 */
export function readVault(): Promise<VaultData> {
  readInFlight ??= parseVault().finally(() => {
    readInFlight = undefined;
  });
  return readInFlight;
}

/**
 * The read that callers arriving while it runs share: one `getState` asks for the vault four
 * times at once, and parsing 100 accounts costs milliseconds each time (BENCHMARKS.md). A write
 * forgets it, so that no read started after a write sees the vault from before it.
 */
let readInFlight: Promise<VaultData> | undefined;

async function parseVault(): Promise<VaultData> {
  const parsed = await vaultItem.read();
  if (!parsed.success) throw new VaultCorruptError({ cause: parsed.error });
  return { ...parsed.data, ...splitAccounts(parsed.data.accounts) };
}

/** Stores the vault in one write, after checking every readable account record again. */
async function writeVault({ damaged, accounts, ...rest }: VaultData): Promise<void> {
  readInFlight = undefined;
  await vaultItem.write({ ...rest, accounts: joinAccounts({ accounts, damaged }) });
  readInFlight = undefined;
}

async function readSession(): Promise<{ key: string; lastUsedAt: number } | undefined> {
  const parsed = await vaultSessionItem.read();
  return parsed.success ? parsed.data : undefined;
}

function isIdle(lastUsedAt: number, autoLockMinutes: number, now: number): boolean {
  return now - lastUsedAt >= autoLockMinutes * 60_000;
}

async function getDataKey(vault: VaultData): Promise<CryptoKey> {
  if (vault.wrappedKey) {
    const session = await readSession();
    const now = Date.now();
    if (!session) throw new VaultLockedError();
    if (isIdle(session.lastUsedAt, vault.autoLockMinutes, now)) {
      await vaultSessionItem.remove();
      throw new VaultLockedError();
    }
    // Recording use at most once a minute keeps storage quiet: pages redraw on every storage
    // change, and a page that decrypts to draw must not set off another redraw.
    if (now - session.lastUsedAt >= ACTIVITY_WRITE_INTERVAL_MS) {
      await vaultSessionItem.write({ key: session.key, lastUsedAt: now });
    }
    return importSessionKey(session.key);
  }
  const stored = await loadDeviceKey();
  if (stored) return stored;
  if (Object.keys(vault.accounts).length + Object.keys(vault.damaged).length > 0) {
    throw new VaultCorruptError({
      message: words('vault_key_missing'),
    });
  }
  const created = await generateDataKey(false);
  await saveDeviceKey(created);
  return created;
}

async function importSessionKey(encoded: string): Promise<CryptoKey> {
  try {
    return await importDataKey(base64ToBytes(encoded));
  } catch (cause) {
    throw new VaultCorruptError({ cause });
  }
}

function createTools(vault: VaultData): VaultTools {
  let key: Promise<CryptoKey> | undefined;
  const useKey = () => (key ??= getDataKey(vault));
  return {
    async seal(accountId, token, slot = 'token') {
      return sealToken(await useKey(), sealSlot(accountId, slot), token);
    },
    async open(accountId, slot = 'token') {
      const account = vault.accounts[accountId];
      const damaged = vault.damaged[accountId];
      if (damaged) {
        throw new VaultCorruptError({
          message: words('record_damaged', damaged.problem),
          hint: words('advice_damaged'),
        });
      }
      const envelope = account?.[slot];
      if (!envelope) throw new AppError('account_not_found');
      return openToken(await useKey(), sealSlot(accountId, slot), envelope);
    },
  };
}

/**
 * Runs a read-modify-write of the vault under the mutex and saves the vault that `change`
 * returns in one write; returning no vault saves nothing.
 */
export function updateVault<T>(
  change: (vault: VaultData, tools: VaultTools) => Promise<VaultChange<T>> | VaultChange<T>,
): Promise<T> {
  return runExclusive(VAULT_MUTEX, async () => {
    const vault = await readVault();
    const { vault: next, result } = await change(vault, createTools(vault));
    if (next) await writeVault(next);
    return result;
  });
}

/** Reads the vault under the mutex, for reads that must not interleave with a write. */
export function inspectVault<T>(
  read: (vault: VaultData, tools: VaultTools) => Promise<T>,
): Promise<T> {
  return updateVault(async (vault, tools) => ({ result: await read(vault, tools) }));
}

/** Whether the vault is passphrase-protected, locked, and how long an unlock must wait. */
export async function getVaultStatus(): Promise<VaultStatus> {
  const vault = await readVault();
  const protection = vault.wrappedKey ? 'passphrase' : 'device';
  const session = await readSession();
  const now = Date.now();
  const locked =
    protection === 'passphrase' &&
    (!session || isIdle(session.lastUsedAt, vault.autoLockMinutes, now));
  return {
    protection,
    locked,
    autoLockMinutes: vault.autoLockMinutes,
    unlockRetryAfterMs: await unlockRetryAfterMs(now),
  };
}

async function readThrottle() {
  const parsed = await unlockThrottleItem.read();
  return parsed.success ? parsed.data : { failures: 0, lastFailureAt: 0 };
}

async function unlockRetryAfterMs(now: number): Promise<number> {
  const throttle = await readThrottle();
  return Math.max(0, throttle.lastFailureAt + unlockDelayMs(throttle.failures) - now);
}

/**
 * Opens a passphrase wrap, counting wrong passphrases: each failure makes the next attempt wait
 * longer, and attempts during the wait are refused without running PBKDF2.
 */
async function openWrapCounted(
  wrappedKey: WrappedKey,
  passphrase: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const now = Date.now();
  const waitMs = await unlockRetryAfterMs(now);
  if (waitMs > 0) throw new AppError('unlock_throttled', { retryAfterMs: waitMs });
  const keyBytes = await unwrapKeyBytes(wrappedKey, passphrase);
  if (!keyBytes) {
    const failures = (await readThrottle()).failures + 1;
    await unlockThrottleItem.write({ failures, lastFailureAt: now });
    throw new AppError('wrong_passphrase', { retryAfterMs: unlockDelayMs(failures) });
  }
  await unlockThrottleItem.remove();
  return keyBytes;
}

function requireWrappedKey(vault: VaultData): WrappedKey {
  if (!vault.wrappedKey) throw new AppError('passphrase_not_set');
  return vault.wrappedKey;
}

/** Unlocks a passphrase-protected vault for this browser session. */
export function unlockVault(passphrase: string): Promise<void> {
  return inspectVault(async (vault) => {
    const keyBytes = await openWrapCounted(requireWrappedKey(vault), passphrase);
    await vaultSessionItem.write({ key: bytesToBase64(keyBytes), lastUsedAt: Date.now() });
    // A crash while removing the lock could have left the device key behind; it must not outlive
    // the passphrase protection it was replaced by.
    await deleteDeviceKey();
  });
}

/** Drops the unlocked key from memory. */
export async function lockVault(): Promise<void> {
  await vaultSessionItem.remove();
}

/** Locks the vault when it has not been used for its auto-lock time. */
export async function lockVaultIfIdle(): Promise<void> {
  const vault = await readVault();
  const session = await readSession();
  if (
    vault.wrappedKey &&
    session &&
    isIdle(session.lastUsedAt, vault.autoLockMinutes, Date.now())
  ) {
    await lockVault();
  }
}

/**
 * Turns the passphrase lock on. The device key cannot be exported (it is non-extractable), so the
 * tokens are re-sealed under a fresh key whose bytes are then wrapped; the vault stays unlocked.
 */
export async function enablePassphrase(passphrase: string): Promise<void> {
  assertPassphraseStrength(passphrase);
  await updateVault(async (vault, tools) => {
    if (vault.wrappedKey) throw new AppError('passphrase_already_set');
    const freshKey = await generateDataKey(true);
    const keyBytes = new Uint8Array(await crypto.subtle.exportKey('raw', freshKey));
    const accounts: VaultData['accounts'] = {};
    for (const [id, account] of Object.entries(vault.accounts)) {
      const reseal = async (slot: TokenSlot) =>
        sealToken(freshKey, sealSlot(id, slot), await tools.open(id, slot));
      accounts[id] = {
        ...account,
        token: await reseal('token'),
        pageToken: account.pageToken && (await reseal('pageToken')),
      };
    }
    const wrappedKey = await wrapKeyBytes(keyBytes, passphrase);
    await vaultSessionItem.write({ key: bytesToBase64(keyBytes), lastUsedAt: Date.now() });
    return { vault: { ...vault, wrappedKey, accounts }, result: undefined };
  });
  await deleteDeviceKey();
}

/** Re-wraps the same data key under a new passphrase; token ciphertexts are untouched. */
export async function changePassphrase(current: string, next: string): Promise<void> {
  assertPassphraseStrength(next);
  await updateVault(async (vault) => {
    const keyBytes = await openWrapCounted(requireWrappedKey(vault), current);
    return {
      vault: { ...vault, wrappedKey: await wrapKeyBytes(keyBytes, next) },
      result: undefined,
    };
  });
}

/**
 * Turns the passphrase lock off: the same data key becomes the non-extractable device key, so
 * token ciphertexts are untouched.
 */
export function removePassphrase(current: string): Promise<void> {
  return updateVault(async (vault) => {
    const keyBytes = await openWrapCounted(requireWrappedKey(vault), current);
    await saveDeviceKey(await importDataKey(keyBytes));
    await vaultSessionItem.remove();
    return { vault: { ...vault, wrappedKey: null }, result: undefined };
  });
}

/** Sets the idle time after which a passphrase-protected vault locks itself. */
export function setAutoLockMinutes(minutes: number): Promise<void> {
  return updateVault((vault) => ({
    vault: { ...vault, autoLockMinutes: minutes },
    result: undefined,
  }));
}

/**
 * Deletes every account, token and key, only when the user asks: the way out of a
 * VaultCorruptError. Settings are kept.
 */
export function resetVault(): Promise<void> {
  return runExclusive(VAULT_MUTEX, async () => {
    await writeVault({ ...createEmptyVault(), accounts: {}, damaged: {} });
    await Promise.all([deleteDeviceKey(), vaultSessionItem.remove(), unlockThrottleItem.remove()]);
  });
}
