import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  BridgeData,
  BridgeReply,
  BridgeRequest,
  HostMessage,
} from '../../shared/bridge-protocol';
import { addHook, readHooksFile, type Hook } from '../hooks-store';
import { makeTempDirs, type TempDirs } from '../test-support/temp-dirs';
import { HookDelivery, type TokenStamps } from './deliver-hooks';
import type { HookRun } from './run-hook-command';

const ADA = { id: '17841400000000001', username: 'Ada' };
const BOB = { id: '17841400000000002', username: 'bob' };

function deliverReply(account: { id: string; username: string }, stamp: string): BridgeReply {
  const data: BridgeData<'deliver'> = {
    token: `token-of-${account.username}-${stamp}`,
    account: { ...account, status: 'valid', expiresAt: null, scopes: [] },
    graphUrl: 'https://graph.instagram.com',
    stamp,
  };
  return { ok: true, data };
}

describe('HookDelivery', () => {
  let dirs: TempDirs | undefined;
  afterEach(() => {
    dirs?.remove();
    vi.useRealTimers();
  });

  function setUp(answer: (request: BridgeRequest) => BridgeReply) {
    dirs = makeTempDirs();
    const hooksFile = dirs.hooksFile;
    const requests: BridgeRequest[] = [];
    const sent: HostMessage[] = [];
    const runs: { hook: number; token: string }[] = [];
    const exitCodes = new Map<number, number>();
    const delivery = new HookDelivery({
      hooksFile,
      forward: (request) => {
        requests.push(request);
        return Promise.resolve(answer(request));
      },
      send: (message) => sent.push(message) > 0,
      runHook: (hook: Hook, data: BridgeData<'deliver'>): Promise<HookRun> => {
        runs.push({ hook: hook.id, token: data.token });
        const exitCode = exitCodes.get(hook.id) ?? 0;
        return Promise.resolve({ exitCode, signal: null, ok: exitCode === 0, durationMs: 1 });
      },
      log: () => undefined,
      retryMs: 1_000,
    });
    const stamps = async (accounts: TokenStamps) => {
      delivery.onStamps(accounts);
      await delivery.idle();
    };
    return { hooksFile, requests, sent, runs, exitCodes, delivery, stamps };
  }

  const byStamp = (request: BridgeRequest) =>
    request.type === 'deliver'
      ? deliverReply(request.accountId === ADA.id ? ADA : BOB, '100')
      : { ok: false as const, error: { code: 'bridge_failed' as const, message: '', hint: '' } };

  it('should deliver only to hooks that missed the stamp, once per account, then report', async () => {
    const { hooksFile, requests, sent, runs, exitCodes, stamps } = setUp(byStamp);
    await addHook(hooksFile, { account: '@ada', command: ['/bin/one'] });
    await addHook(hooksFile, { command: ['/usr/bin/two', '--flag'] });
    await addHook(hooksFile, { account: BOB.id, command: ['three'] });
    exitCodes.set(2, 9);

    await stamps([{ ...ADA, stamp: '100' }]);

    expect(requests).toEqual([{ type: 'deliver', accountId: ADA.id }]);
    expect(runs).toEqual([
      { hook: 1, token: 'token-of-Ada-100' },
      { hook: 2, token: 'token-of-Ada-100' },
    ]);
    expect(sent).toEqual([
      {
        kind: 'hook-report',
        accountId: ADA.id,
        stamp: '100',
        results: [
          { hook: 1, program: 'one', exitCode: 0, ok: true },
          { hook: 2, program: 'two', exitCode: 9, ok: false },
        ],
      },
    ]);
    const { hooks } = await readHooksFile(hooksFile);
    expect(hooks.map((hook) => hook.delivered)).toEqual([
      { [ADA.id]: '100' },
      { [ADA.id]: '100' },
      {},
    ]);
  });

  it('should run nothing for a stamp already delivered', async () => {
    const { hooksFile, requests, runs, stamps } = setUp(byStamp);
    await addHook(hooksFile, { command: ['a'] });
    await stamps([{ ...ADA, stamp: '100' }]);

    await stamps([{ ...ADA, stamp: '100' }]);

    expect(requests).toHaveLength(1);
    expect(runs).toHaveLength(1);
  });

  it('should deliver to a hook added later when asked to look again', async () => {
    const { hooksFile, runs, delivery, stamps } = setUp(byStamp);
    await stamps([{ ...ADA, stamp: '100' }]);
    await addHook(hooksFile, { command: ['late'] });

    delivery.recheck();
    await delivery.idle();

    expect(runs).toEqual([{ hook: 1, token: 'token-of-Ada-100' }]);
  });

  it('should wait and try again later while the vault is locked', async () => {
    vi.useFakeTimers();
    let locked = true;
    const { hooksFile, requests, runs, delivery, stamps } = setUp((request) =>
      locked
        ? { ok: false, error: { code: 'vault_locked', message: 'Locked.', hint: '' } }
        : byStamp(request),
    );
    await addHook(hooksFile, { command: ['a'] });

    await stamps([{ ...ADA, stamp: '100' }]);
    expect(runs).toEqual([]);
    locked = false;
    await vi.advanceTimersByTimeAsync(1_000);
    await delivery.idle();

    expect(requests).toHaveLength(2);
    expect(runs).toHaveLength(1);
  });

  it('should not run hooks when the hooks file is broken', async () => {
    const { hooksFile, requests, stamps } = setUp(byStamp);
    mkdirSync(dirname(hooksFile), { recursive: true });
    writeFileSync(hooksFile, '{', { mode: 0o600 });

    await stamps([{ ...ADA, stamp: '100' }]);

    expect(requests).toEqual([]);
  });

  it('should use the stamp of the token actually delivered', async () => {
    const { hooksFile, sent, stamps } = setUp((request) =>
      request.type === 'deliver' ? deliverReply(ADA, '200') : byStamp(request),
    );
    await addHook(hooksFile, { command: ['a'] });

    await stamps([{ ...ADA, stamp: '100' }]);

    expect(sent).toEqual([expect.objectContaining({ kind: 'hook-report', stamp: '200' })]);
    expect((await readHooksFile(hooksFile)).hooks[0]?.delivered).toEqual({ [ADA.id]: '200' });
  });
});
