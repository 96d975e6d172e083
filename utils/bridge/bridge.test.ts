import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeToken, makeAccount } from '@/tests/support/fixtures';
import type { BridgeRequest, ExtensionMessage } from '@/shared/bridge-protocol';
import { saveCliAccess } from '@/utils/settings/cli-access';
import { readLifecycleState } from '@/utils/upkeep/lifecycle-state';
import { findAccount, saveAccount } from '@/utils/vault/account-store';
import { enablePassphrase, lockVault } from '@/utils/vault/vault';
import { answerBridgeRequest } from './answer-bridge-request';
import { reconnectBridge, syncBridge, type ConnectNative } from './bridge-port';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const DAY = 86_400_000;
const FRESH = { issuedAt: NOW, connectedAt: NOW, expiresAt: NOW + 60 * DAY };
const CREATOR = makeAccount({ ...FRESH, id: '27640875392278831', username: 'sandbox.creator' });
const BUSINESS = makeAccount({ ...FRESH, id: '17841405793187218', username: 'sandbox.business' });
const TOKENS: Record<string, string> = {
  [CREATOR.id]: fakeToken('Creator9'),
  [BUSINESS.id]: fakeToken('Business7'),
};

async function store(...accounts: (typeof CREATOR)[]) {
  for (const account of accounts) {
    await saveAccount(account.id, () => account, TOKENS[account.id] ?? fakeToken('Other1'));
  }
}

function ask(request: BridgeRequest) {
  return answerBridgeRequest(request);
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await saveCliAccess({ enabled: true, excludedAccountIds: [] });
});

describe('answering the command line', () => {
  it('should refuse everything while command-line access is off', async () => {
    await store(CREATOR);
    await saveCliAccess({ enabled: false, excludedAccountIds: [] });

    for (const type of ['status', 'list', 'token'] as const) {
      await expect(ask({ type })).resolves.toMatchObject({
        ok: false,
        error: { code: 'cli_disabled' },
      });
    }
  });

  it('should hand out the only account token, and note the read in its history', async () => {
    await store(CREATOR);

    const reply = await ask({ type: 'token' });

    expect(reply).toEqual({
      ok: true,
      data: {
        token: TOKENS[CREATOR.id],
        account: expect.objectContaining({
          id: CREATOR.id,
          username: 'sandbox.creator',
          status: 'valid',
        }),
        graphUrl: 'https://graph.instagram.com',
      },
    });
    const [event] = (await findAccount(CREATOR.id)).events;
    expect(event).toMatchObject({ type: 'cli_read', message: 'Read by the command line.' });
    expect(JSON.stringify(event)).not.toContain(TOKENS[CREATOR.id]);
  });

  it('should keep reads in a row as one history entry with a count', async () => {
    await store(CREATOR);

    await ask({ type: 'token' });
    vi.setSystemTime(NOW + 60_000);
    await ask({ type: 'token', account: '@sandbox.creator' });
    await ask({ type: 'token', account: CREATOR.id });

    const events = (await findAccount(CREATOR.id)).events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'cli_read', count: 3, at: NOW + 60_000 });
  });

  it.each([
    ['no name among several accounts', undefined, 'account_ambiguous'],
    ['an unknown @username', '@nobody', 'account_not_found'],
    ['an unknown id', '123', 'account_not_found'],
  ])('should refuse %s', async (_case, account, code) => {
    await store(CREATOR, BUSINESS);

    await expect(ask({ type: 'token', account })).resolves.toMatchObject({
      ok: false,
      error: { code },
    });
  });

  it('should find a username whatever its case', async () => {
    await store(CREATOR, BUSINESS);

    const reply = await ask({ type: 'token', account: '@Sandbox.Business' });

    expect(reply).toMatchObject({ ok: true, data: { token: TOKENS[BUSINESS.id] } });
  });

  it('should hide an excluded account, and refuse it by name', async () => {
    await store(CREATOR, BUSINESS);
    await saveCliAccess({ enabled: true, excludedAccountIds: [BUSINESS.id] });

    await expect(ask({ type: 'list' })).resolves.toMatchObject({
      ok: true,
      data: { accounts: [expect.objectContaining({ id: CREATOR.id })] },
    });
    await expect(ask({ type: 'token', account: '@sandbox.business' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'cli_not_allowed' },
    });
    // With one readable account left, no name is needed.
    await expect(ask({ type: 'token' })).resolves.toMatchObject({ ok: true });
  });

  it.each([
    ['expired', { expiresAt: NOW - DAY }, 'token_expired'],
    ['revoked', { health: 'revoked' as const }, 'token_revoked'],
  ])('should refuse an %s token', async (_case, overrides, code) => {
    await store({ ...CREATOR, ...overrides });

    await expect(ask({ type: 'token' })).resolves.toMatchObject({ ok: false, error: { code } });
  });

  it('should say the vault is locked, and still answer status and list', async () => {
    await store(CREATOR);
    await enablePassphrase('correct horse battery');
    await lockVault();

    await expect(ask({ type: 'token' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'vault_locked' },
    });
    await expect(ask({ type: 'status' })).resolves.toMatchObject({
      ok: true,
      data: { locked: true, accounts: [expect.objectContaining({ status: 'locked' })] },
    });
  });

  it('should deliver a token with its stamp for hooks, without noting a read', async () => {
    await store(CREATOR);

    const reply = await ask({ type: 'deliver', accountId: CREATOR.id });

    expect(reply).toMatchObject({
      ok: true,
      data: { token: TOKENS[CREATOR.id], stamp: String(NOW) },
    });
    expect((await findAccount(CREATOR.id)).events).toEqual([]);
  });
});

/** A native port that records what the extension posts and lets a test speak for the host. */
function fakeNativePort() {
  const posted: ExtensionMessage[] = [];
  const listeners: { message: ((message: unknown) => void)[]; disconnect: (() => void)[] } = {
    message: [],
    disconnect: [],
  };
  const port = {
    name: 'dev.igtt.bridge',
    postMessage: (message: ExtensionMessage) => posted.push(message),
    disconnect: vi.fn(),
    onMessage: {
      addListener: (listener: (message: unknown) => void) => listeners.message.push(listener),
    },
    onDisconnect: { addListener: (listener: () => void) => listeners.disconnect.push(listener) },
  };
  return {
    port,
    posted,
    fromHost: (message: unknown) => listeners.message.forEach((listener) => listener(message)),
    drop: () => listeners.disconnect.forEach((listener) => listener()),
  };
}

describe('the native port', () => {
  let native: ReturnType<typeof fakeNativePort>;
  let connectNative: ReturnType<typeof vi.fn<ConnectNative>>;
  const sync = async () => syncBridge(await readLifecycleState(), connectNative);

  beforeEach(async () => {
    native = fakeNativePort();
    connectNative = vi.fn<ConnectNative>(() => native.port);
    await store(CREATOR);
    // Each test starts from a closed port, whatever the one before left open.
    await saveCliAccess({ enabled: false, excludedAccountIds: [] });
    await reconnectBridge(await readLifecycleState(), connectNative);
    await saveCliAccess({ enabled: true, excludedAccountIds: [] });
  });

  it('should open the port while access is on, and send the token stamps once per change', async () => {
    await sync();
    await sync();

    expect(connectNative).toHaveBeenCalledWith('dev.igtt.bridge');
    expect(native.posted).toEqual([
      {
        kind: 'token-stamps',
        accounts: [{ id: CREATOR.id, username: 'sandbox.creator', stamp: String(NOW) }],
      },
    ]);
    expect(JSON.stringify(native.posted)).not.toContain(TOKENS[CREATOR.id]);
  });

  it('should answer a request from the host on the same port', async () => {
    await sync();

    native.fromHost({ kind: 'request', id: 'r1', request: { type: 'token' } });

    await vi.waitFor(() =>
      expect(native.posted.at(-1)).toMatchObject({
        kind: 'response',
        id: 'r1',
        reply: { ok: true, data: { token: TOKENS[CREATOR.id] } },
      }),
    );
  });

  it('should ignore a message that does not follow the protocol', async () => {
    await sync();
    const before = native.posted.length;

    native.fromHost({ kind: 'request', id: 'r1', request: { type: 'steal' } });
    native.fromHost('nonsense');
    await Promise.resolve();

    expect(native.posted).toHaveLength(before);
  });

  it('should write each hook run into the account history', async () => {
    await sync();

    native.fromHost({
      kind: 'hook-report',
      accountId: CREATOR.id,
      stamp: String(NOW),
      results: [
        { hook: 1, program: 'gh', exitCode: 0, ok: true },
        { hook: 2, program: 'sh', exitCode: 1, ok: false },
      ],
    });

    await vi.waitFor(async () =>
      expect((await findAccount(CREATOR.id)).events.map((event) => event.message)).toEqual([
        'Hook 2 (sh) failed with exit code 1.',
        'Hook 1 (gh) received the new token.',
      ]),
    );
  });

  it('should keep the port when access is turned off, answering "off" and offering no token', async () => {
    await sync();

    await saveCliAccess({ enabled: false, excludedAccountIds: [] });
    await sync();
    native.fromHost({ kind: 'request', id: 'r2', request: { type: 'token' } });

    expect(native.port.disconnect).not.toHaveBeenCalled();
    expect(native.posted).toContainEqual({ kind: 'token-stamps', accounts: [] });
    await vi.waitFor(() =>
      expect(native.posted.at(-1)).toMatchObject({
        kind: 'response',
        id: 'r2',
        reply: { ok: false, error: { code: 'cli_disabled' } },
      }),
    );
  });

  it('should not open a port at start while access is off', async () => {
    await reconnectBridge(await readLifecycleState(), connectNative);
    connectNative.mockClear();
    await saveCliAccess({ enabled: false, excludedAccountIds: [] });
    // A fresh worker: the port from before is gone.
    await reconnectBridge(await readLifecycleState(), connectNative);

    expect(connectNative).not.toHaveBeenCalled();
  });

  it('should not retry a failed port on every sync, but at once when asked to', async () => {
    await sync();
    native.drop();
    await sync();
    expect(connectNative).toHaveBeenCalledTimes(1);

    await reconnectBridge(await readLifecycleState(), connectNative);

    expect(connectNative).toHaveBeenCalledTimes(2);
  });
});
