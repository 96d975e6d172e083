import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { fakeToken, makeAccount } from '@/tests/support/fixtures';
import type { AccountSummary } from './account-store';
import {
  listAccounts,
  listDamagedAccounts,
  readAccountToken,
  removeAccount,
  saveAccount,
} from './account-store';
import { VaultCorruptError, VaultLockedError } from '@/utils/errors';
import { readVault, updateVault } from './vault';
import { deleteDeviceKey, loadDeviceKey } from './device-key-store';
import { sealToken } from './token-envelope';
import {
  changePassphrase,
  enablePassphrase,
  getVaultStatus,
  lockVault,
  lockVaultIfIdle,
  removePassphrase,
  resetVault,
  setAutoLockMinutes,
  unlockVault,
} from './vault';

const START = new Date('2026-11-28T12:00:00Z');
const PASSPHRASE = 'correct horse battery';

function account(id: string, username: string): AccountSummary {
  return makeAccount({ id, username });
}

const ACCOUNTS = [
  { summary: account('27640875392278831', 'sandbox.creator'), token: fakeToken('Creator9') },
  { summary: account('17841405793187218', 'sandbox.business'), token: fakeToken('Business7') },
  { summary: account('1020', 'third.account'), token: fakeToken('Third3') },
];

async function storeAll(): Promise<void> {
  for (const { summary, token } of ACCOUNTS) await saveAccount(summary.id, () => summary, token);
}

async function dumpAllStorage(): Promise<string> {
  const [local, sync, session] = await Promise.all([
    browser.storage.local.get(null),
    browser.storage.sync.get(null),
    browser.storage.session.get(null),
  ]);
  return JSON.stringify({ local, sync, session });
}

async function storedEnvelope(id: string) {
  const vault = await readVault();
  const record = vault.accounts[id];
  if (!record) throw new Error(`no account ${id}`);
  return record.token;
}

async function replaceEnvelope(id: string, token: unknown): Promise<void> {
  const vault = await readVault();
  const accounts = { ...vault.accounts, [id]: { ...vault.accounts[id], token } };
  await browser.storage.local.set({ vault: { ...vault, accounts } });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
});

describe('token round trip', () => {
  it('should give back every account token after storing several', async () => {
    await storeAll();

    for (const { summary, token } of ACCOUNTS) {
      await expect(readAccountToken(summary.id)).resolves.toBe(token);
    }
    expect((await listAccounts()).map((stored) => stored.username)).toEqual([
      'sandbox.business',
      'sandbox.creator',
      'third.account',
    ]);
  });

  it('should replace the token of an account that is stored again instead of adding it twice', async () => {
    await storeAll();
    const [first] = ACCOUNTS;
    if (!first) throw new Error('fixture');

    const actual = await saveAccount(first.summary.id, () => first.summary, fakeToken('Replaced1'));

    expect(actual).toEqual({ replaced: true });
    expect(await listAccounts()).toHaveLength(ACCOUNTS.length);
    await expect(readAccountToken(first.summary.id)).resolves.toBe(fakeToken('Replaced1'));
  });

  it('should delete the ciphertext when an account is removed', async () => {
    await storeAll();
    const before = await storedEnvelope('1020');

    await removeAccount('1020');

    expect(await dumpAllStorage()).not.toContain(before.ct);
    await expect(readAccountToken('1020')).rejects.toMatchObject({ code: 'account_not_found' });
  });

  it('should keep no token string in any storage area, in either mode', async () => {
    await storeAll();
    const deviceDump = await dumpAllStorage();
    await enablePassphrase(PASSPHRASE);
    const passphraseDump = await dumpAllStorage();

    for (const { token } of ACCOUNTS) {
      expect(deviceDump).not.toContain(token);
      expect(passphraseDump).not.toContain(token);
      expect(deviceDump).not.toContain(token.slice(4, 40));
    }
  });

  it('should write a save as a single storage.local.set that never touches storage.sync', async () => {
    const localSet = vi.spyOn(browser.storage.local, 'set');
    const syncSet = vi.spyOn(browser.storage.sync, 'set');
    await readVault();

    await saveAccount(ACCOUNTS[0]!.summary.id, () => ACCOUNTS[0]!.summary, ACCOUNTS[0]!.token);

    expect(localSet).toHaveBeenCalledTimes(1);
    expect(syncSet).not.toHaveBeenCalled();
  });
});

describe('data key', () => {
  it('should be a non-extractable AES-GCM key that cannot be exported', async () => {
    await storeAll();

    const key = await loadDeviceKey();

    expect(key?.extractable).toBe(false);
    expect(key?.usages.sort()).toEqual(['decrypt', 'encrypt']);
    await expect(crypto.subtle.exportKey('raw', key!)).rejects.toThrow();
  });

  it('should use a fresh IV for each of 10,000 encryptions', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const ivs = new Set<string>();

    for (let index = 0; index < 10_000; index += 1) {
      ivs.add((await sealToken(key, 'slot', 'same plaintext')).iv);
    }

    expect(ivs.size).toBe(10_000);
  });
});

describe('tampering', () => {
  beforeEach(storeAll);

  function flipFirstByte(base64: string): string {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    bytes[0] = (bytes[0] ?? 0) ^ 0x01;
    return btoa(String.fromCharCode(...bytes));
  }

  it('should reject a ciphertext with one changed byte', async () => {
    const envelope = await storedEnvelope('1020');
    await replaceEnvelope('1020', { ...envelope, ct: flipFirstByte(envelope.ct) });

    await expect(readAccountToken('1020')).rejects.toBeInstanceOf(VaultCorruptError);
  });

  it('should reject a changed IV', async () => {
    const envelope = await storedEnvelope('1020');
    await replaceEnvelope('1020', { ...envelope, iv: flipFirstByte(envelope.iv) });

    await expect(readAccountToken('1020')).rejects.toBeInstanceOf(VaultCorruptError);
  });

  it("should reject another account's ciphertext pasted into this slot", async () => {
    await replaceEnvelope('1020', await storedEnvelope('27640875392278831'));

    await expect(readAccountToken('1020')).rejects.toBeInstanceOf(VaultCorruptError);
  });

  it("should report a malformed envelope as that account's damage", async () => {
    await replaceEnvelope('1020', { v: 9, iv: 'x', ct: 'y' });

    await expect(readAccountToken('1020')).rejects.toBeInstanceOf(VaultCorruptError);
  });

  it('should report a missing key and keep the data for the user to decide', async () => {
    const before = await browser.storage.local.get('vault');
    await deleteDeviceKey();

    await expect(readAccountToken('1020')).rejects.toBeInstanceOf(VaultCorruptError);
    await expect(
      saveAccount('55', () => account('55', 'new.one'), fakeToken('New5')),
    ).rejects.toBeInstanceOf(VaultCorruptError);
    expect(await browser.storage.local.get('vault')).toEqual(before);
  });

  it('should report unreadable account data as corrupt rather than replacing it', async () => {
    await browser.storage.local.set({ vault: { accounts: 'garbage' } });

    await expect(listAccounts()).rejects.toBeInstanceOf(VaultCorruptError);
    expect((await browser.storage.local.get('vault')).vault).toEqual({ accounts: 'garbage' });
  });

  it('should start clean after an explicit reset', async () => {
    await deleteDeviceKey();

    await resetVault();
    await saveAccount('55', () => account('55', 'new.one'), fakeToken('New5'));

    expect((await listAccounts()).map((stored) => stored.id)).toEqual(['55']);
    await expect(readAccountToken('55')).resolves.toBe(fakeToken('New5'));
  });
});

describe('passphrase lock', () => {
  beforeEach(async () => {
    await storeAll();
    await enablePassphrase(PASSPHRASE);
  });

  it('should keep tokens readable right after the lock is turned on, and drop the device key', async () => {
    expect(await getVaultStatus()).toMatchObject({ protection: 'passphrase', locked: false });
    await expect(readAccountToken('1020')).resolves.toBe(ACCOUNTS[2]!.token);
    expect(await loadDeviceKey()).toBeUndefined();
  });

  it('should refuse to read tokens while locked and give them back after unlocking', async () => {
    await lockVault();

    expect(await getVaultStatus()).toMatchObject({ locked: true });
    await expect(readAccountToken('1020')).rejects.toBeInstanceOf(VaultLockedError);
    await expect(
      saveAccount('55', () => account('55', 'x'), fakeToken('X5')),
    ).rejects.toBeInstanceOf(VaultLockedError);
    await unlockVault(PASSPHRASE);
    await expect(readAccountToken('1020')).resolves.toBe(ACCOUNTS[2]!.token);
  });

  it('should still list accounts while locked', async () => {
    await lockVault();

    expect(await listAccounts()).toHaveLength(ACCOUNTS.length);
  });

  it('should make each wrong passphrase wait longer than the one before', async () => {
    await lockVault();
    const waits: number[] = [];

    for (let attempt = 0; attempt < 4; attempt += 1) {
      const error = await unlockVault('wrong passphrase').catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'wrong_passphrase' });
      waits.push((await getVaultStatus()).unlockRetryAfterMs);
      vi.setSystemTime(Date.now() + waits[attempt]!);
    }

    expect(waits).toEqual([1000, 2000, 4000, 8000]);
  });

  it('should refuse even the right passphrase during the wait, then accept it', async () => {
    await lockVault();
    await unlockVault('wrong passphrase').catch(() => undefined);

    await expect(unlockVault(PASSPHRASE)).rejects.toMatchObject({
      code: 'unlock_throttled',
      retryAfterMs: 1000,
    });
    vi.setSystemTime(Date.now() + 1000);
    await unlockVault(PASSPHRASE);
    expect(await getVaultStatus()).toMatchObject({ locked: false, unlockRetryAfterMs: 0 });
  });

  it('should lock itself after 15 idle minutes by default', async () => {
    vi.setSystemTime(START.getTime() + 14 * 60_000);
    await readAccountToken('1020');

    vi.setSystemTime(START.getTime() + 28 * 60_000);
    await lockVaultIfIdle();
    expect(await getVaultStatus()).toMatchObject({ locked: false });

    vi.setSystemTime(START.getTime() + 29 * 60_000);
    await lockVaultIfIdle();
    expect(await getVaultStatus()).toMatchObject({ locked: true });
    expect(await browser.storage.session.get(null)).toEqual({});
  });

  it('should record use at most once a minute, so that reading does not keep writing', async () => {
    const sessionSet = vi.spyOn(browser.storage.session, 'set');

    await readAccountToken('1020');
    await readAccountToken('1020');
    vi.setSystemTime(START.getTime() + 60_000);
    await readAccountToken('1020');

    expect(sessionSet).toHaveBeenCalledTimes(1);
  });

  it('should honour a configured auto-lock time even when the alarm has not run yet', async () => {
    await setAutoLockMinutes(5);

    vi.setSystemTime(START.getTime() + 5 * 60_000);

    await expect(readAccountToken('1020')).rejects.toBeInstanceOf(VaultLockedError);
  });

  it('should be locked after a browser restart, which empties storage.session', async () => {
    await browser.storage.session.clear();

    expect(await getVaultStatus()).toMatchObject({ locked: true });
  });

  it('should change the passphrase without touching token ciphertexts', async () => {
    const before = (await readVault()).accounts;

    await changePassphrase(PASSPHRASE, 'a brand new passphrase');
    await lockVault();

    expect((await readVault()).accounts).toEqual(before);
    await expect(unlockVault(PASSPHRASE)).rejects.toMatchObject({ code: 'wrong_passphrase' });
    vi.setSystemTime(Date.now() + 1000);
    await unlockVault('a brand new passphrase');
    await expect(readAccountToken('1020')).resolves.toBe(ACCOUNTS[2]!.token);
  });

  it('should remove the passphrase, keep the ciphertexts, and go back to the device key', async () => {
    const before = (await readVault()).accounts;

    await removePassphrase(PASSPHRASE);

    expect((await readVault()).accounts).toEqual(before);
    expect(await getVaultStatus()).toMatchObject({ protection: 'device', locked: false });
    expect(await browser.storage.session.get(null)).toEqual({});
    await expect(readAccountToken('27640875392278831')).resolves.toBe(ACCOUNTS[0]!.token);
  });

  it('should refuse a short passphrase', async () => {
    await expect(changePassphrase(PASSPHRASE, 'short')).rejects.toMatchObject({
      code: 'weak_passphrase',
    });
  });

  it('should re-seal under a new key, so old ciphertexts are gone', async () => {
    await resetVault();
    await storeAll();
    const deviceEnvelope = await storedEnvelope('1020');

    await enablePassphrase(PASSPHRASE);

    expect(await dumpAllStorage()).not.toContain(deviceEnvelope.ct);
  });
});

describe('a damaged account record', () => {
  beforeEach(storeAll);

  async function damage(id: string, change: Record<string, unknown>): Promise<void> {
    const stored = await browser.storage.local.get('vault');
    const vault = z
      .looseObject({ accounts: z.record(z.string(), z.unknown()) })
      .parse(stored.vault);
    const record = z.looseObject({}).parse(vault.accounts[id]);
    vault.accounts[id] = { ...record, ...change };
    await browser.storage.local.set({ vault });
  }

  it('should leave every other account readable, listed and copyable', async () => {
    await damage('1020', { id: 'abc' });

    expect((await listAccounts()).map((stored) => stored.id).sort()).toEqual([
      '17841405793187218',
      '27640875392278831',
    ]);
    await expect(readAccountToken('27640875392278831')).resolves.toBe(ACCOUNTS[0]!.token);
    expect(await listDamagedAccounts()).toEqual([
      { id: '1020', problem: expect.stringContaining('id') },
    ]);
    await expect(readAccountToken('1020')).rejects.toBeInstanceOf(VaultCorruptError);
  });

  it('should keep a damaged record through other writes, and remove it when asked', async () => {
    await damage('1020', { expiresAt: 'soon' });

    await saveAccount('55', () => account('55', 'new.one'), fakeToken('New5'));
    expect(await listDamagedAccounts()).toHaveLength(1);
    await removeAccount('1020');

    expect(await listDamagedAccounts()).toEqual([]);
    expect(await listAccounts()).toHaveLength(3);
  });

  it('should refuse to store an account whose id is not a number, and change nothing', async () => {
    const before = await browser.storage.local.get('vault');

    await expect(
      saveAccount('abc', () => account('abc', 'bad.id'), fakeToken('Bad1')),
    ).rejects.toMatchObject({ code: 'internal_error' });
    expect(await browser.storage.local.get('vault')).toEqual(before);
  });
});

describe('vault updates', () => {
  it('should serialize concurrent read-modify-writes so that none is lost', async () => {
    await Promise.all(
      ACCOUNTS.map(({ summary, token }) => saveAccount(summary.id, () => summary, token)),
    );

    expect(await listAccounts()).toHaveLength(ACCOUNTS.length);
  });

  it('should save nothing when an update fails half-way', async () => {
    await storeAll();
    const before = await browser.storage.local.get('vault');

    await expect(
      updateVault(async (vault, tools) => {
        await tools.seal('1020', 'new token');
        throw new Error('failed after sealing');
        return { vault, result: undefined };
      }),
    ).rejects.toThrow('failed after sealing');

    expect(await browser.storage.local.get('vault')).toEqual(before);
  });
});

describe('reading the vault', () => {
  it('should share one storage read among the callers that ask at the same time', async () => {
    await storeAll();
    const get = vi.spyOn(browser.storage.local, 'get');

    const reads = await Promise.all([readVault(), readVault(), listAccounts()]);

    expect(get).toHaveBeenCalledTimes(1);
    expect(reads[0]).toBe(reads[1]);
    expect(reads[2]).toHaveLength(ACCOUNTS.length);
  });

  it('should read again after a write, never serving the vault from before it', async () => {
    await storeAll();
    const before = readVault();
    const [first] = ACCOUNTS;
    await removeAccount(first?.summary.id ?? '');

    const after = await readVault();

    expect(Object.keys((await before).accounts)).toHaveLength(ACCOUNTS.length);
    expect(Object.keys(after.accounts)).toHaveLength(ACCOUNTS.length - 1);
  });
});
