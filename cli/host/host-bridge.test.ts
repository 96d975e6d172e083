/**
 * The built host end to end, without a browser: the test plays the browser on the host's stdin
 * and stdout, and a CLI on its socket.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BridgeDataSchemas,
  MAX_FRAME_BYTES,
  type BridgeAccount,
  type BridgeReply,
  type BridgeRequest,
} from '../../shared/bridge-protocol';
import { askBridge } from '../bridge-client';
import { encodeFrame, FRAME_HEADER_BYTES, FrameDecoder, parseFrameBody } from '../framing';
import { addHook, readHooksFile } from '../hooks-store';
import { buildTemporaryCli, type BuiltCli } from '../test-support/built-cli';
import { FakeExtension } from '../test-support/fake-extension';
import { makeTempDirs, type TempDirs } from '../test-support/temp-dirs';
import { waitUntil } from '../test-support/wait-until';

const ADA: BridgeAccount = {
  id: '17841400000000001',
  username: 'ada',
  status: 'valid',
  expiresAt: Date.UTC(2027, 0, 31),
  scopes: ['instagram_business_basic'],
};
const BOB: BridgeAccount = { ...ADA, id: '17841400000000002', username: 'bob' };
const tokenOf = (account: BridgeAccount, stamp = '1') => `IGAA-secret-${account.username}-${stamp}`;

/** The extension's side, answering from two accounts with stamp `stamp`. */
function answerFromVault(stamp = '1') {
  return (request: BridgeRequest): BridgeReply => {
    const find = (selector: string | undefined) =>
      [ADA, BOB].find((account) =>
        selector?.startsWith('@') ? `@${account.username}` === selector : account.id === selector,
      );
    switch (request.type) {
      case 'status':
        return { ok: true, data: { locked: false, accounts: [ADA, BOB] } };
      case 'list':
        return { ok: true, data: { accounts: [ADA, BOB] } };
      case 'token':
      case 'deliver': {
        const account = find(request.type === 'token' ? request.account : request.accountId);
        if (account === undefined) {
          return {
            ok: false,
            error: { code: 'account_not_found', message: 'No such account.', hint: 'igtt list' },
          };
        }
        const data = {
          token: tokenOf(account, stamp),
          account,
          graphUrl: 'https://graph.instagram.com',
        };
        return { ok: true, data: request.type === 'deliver' ? { ...data, stamp } : data };
      }
    }
  };
}

interface RunningHost {
  readonly child: ChildProcessWithoutNullStreams;
  readonly extension: FakeExtension;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

let built: BuiltCli;
beforeAll(async () => {
  built = await buildTemporaryCli();
}, 60_000);
afterAll(() => built.remove());

describe('igtt-host', { timeout: 30_000 }, () => {
  let dirs: TempDirs;
  const hosts: RunningHost[] = [];
  const servers: Server[] = [];

  afterEach(async () => {
    for (const host of hosts.splice(0)) {
      if (host.child.exitCode === null && host.child.signalCode === null)
        host.child.kill('SIGKILL');
      await host.exited;
    }
    for (const server of servers.splice(0)) server.close();
    dirs.remove();
  });

  function startHost(env: Record<string, string> = {}): RunningHost {
    const child = spawn(
      process.execPath,
      [built.host, 'chrome-extension://blocadghaajijcfckkjphjkhmmlcniff/'],
      {
        env: { ...dirs.env, ...env },
        cwd: dirname(built.host),
        stdio: 'pipe',
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const host = {
      child,
      extension: new FakeExtension(child.stdin, child.stdout),
      stderr: () => stderr,
      exited,
    };
    hosts.push(host);
    return host;
  }

  async function startListeningHost(env: Record<string, string> = {}): Promise<RunningHost> {
    const host = startHost(env);
    await waitUntil(() => host.stderr().includes('listening at'), 15_000, 'the host to listen');
    return host;
  }

  const ask = (request: Parameters<typeof askBridge>[0]) =>
    askBridge(request, BridgeDataSchemas.token, { socketPath: dirs.socketPath, timeoutMs: 15_000 });

  /** Sends raw bytes on the socket and resolves with the reply frame, if any. */
  function sendRaw(bytes: Buffer): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const socket = connect(dirs.socketPath);
      const decoder = new FrameDecoder();
      socket.on('data', (chunk: Buffer) => {
        const [body] = decoder.push(chunk);
        if (body !== undefined) resolve(parseFrameBody(body));
      });
      socket.once('close', () => resolve(undefined));
      socket.once('error', reject);
      socket.write(bytes);
    });
  }

  it('should forward a CLI token request to the extension and return its answer', async () => {
    dirs = makeTempDirs();
    const host = await startListeningHost();
    host.extension.respond(answerFromVault());

    const data = await ask({ type: 'token', account: '@ada' });

    expect(data).toEqual({
      token: tokenOf(ADA),
      account: ADA,
      graphUrl: 'https://graph.instagram.com',
    });
    expect(host.extension.requests()).toEqual([{ type: 'token', account: '@ada' }]);
    await waitUntil(() => host.stderr().includes('token @ada → ok'), 5_000, 'the log line');
    expect(host.stderr()).not.toContain(tokenOf(ADA));
    expect(host.extension.protocolErrors).toEqual([]);
  });

  it('should keep the socket folder 0700 and the socket 0600', async () => {
    dirs = makeTempDirs();
    await startListeningHost();

    expect(statSync(dirname(dirs.socketPath)).mode & 0o777).toBe(0o700);
    expect(lstatSync(dirs.socketPath).isSocket()).toBe(true);
    expect(lstatSync(dirs.socketPath).mode & 0o777).toBe(0o600);
  });

  it('should give each of many parallel CLIs its own answer', async () => {
    dirs = makeTempDirs();
    const host = await startListeningHost();
    const ids = Array.from({ length: 24 }, (_, index) => String(17841400000000100 + index));
    // The extension answers in a scrambled order, so that only the ids can pair them up.
    host.extension.respond(async (request) => {
      if (request.type !== 'token' || request.account === undefined) return undefined;
      const id = request.account;
      await new Promise((resolve) => setTimeout(resolve, (Number(id) * 7919) % 97));
      return {
        ok: true,
        data: { token: `token-${id}`, account: { ...ADA, id }, graphUrl: 'https://g' },
      };
    });

    const answers = await Promise.all(ids.map((id) => ask({ type: 'token', account: id })));

    expect(answers.map((answer) => [answer.token, answer.account.id])).toEqual(
      ids.map((id) => [`token-${id}`, id]),
    );
  });

  it('should pass the refusal of the extension through', async () => {
    dirs = makeTempDirs();
    const host = await startListeningHost();
    host.extension.respond(answerFromVault());

    await expect(ask({ type: 'token', account: '@nobody' })).rejects.toMatchObject({
      refusal: { code: 'account_not_found' },
    });
  });

  it('should answer bridge_failed to a request outside the protocol, and to one over 1 MB', async () => {
    dirs = makeTempDirs();
    const host = await startListeningHost();
    const oversize = Buffer.alloc(FRAME_HEADER_BYTES);
    oversize.writeUInt32LE(MAX_FRAME_BYTES + 1);

    const invalid = await sendRaw(encodeFrame({ type: 'deliver', accountId: ADA.id }));
    const garbled = await sendRaw(
      Buffer.concat([encodeFrame('x').subarray(0, 4), Buffer.from('{"t')]),
    );
    const tooLarge = await sendRaw(oversize);

    expect(invalid).toMatchObject({ ok: false, error: { code: 'bridge_failed' } });
    expect(garbled).toMatchObject({ ok: false, error: { code: 'bridge_failed' } });
    expect(tooLarge).toMatchObject({ ok: false, error: { code: 'bridge_failed' } });
    // A CLI may never ask for a deliver: that token would go past the hooks' once-only rule.
    expect(host.extension.requests()).toEqual([]);
  });

  it('should exit 0 on stdin EOF and remove its own socket', async () => {
    dirs = makeTempDirs();
    const host = await startListeningHost();

    host.extension.close();

    expect(await host.exited).toBe(0);
    expect(existsSync(dirs.socketPath)).toBe(false);
    expect(host.stderr()).toContain('stopped: the browser closed the port');
  });

  it('should answer a waiting CLI when the browser closes the port', async () => {
    dirs = makeTempDirs();
    const host = await startListeningHost();
    const waiting = ask({ type: 'token' });
    await host.extension.waitFor((message) => message.kind === 'request');

    host.extension.close();

    await expect(waiting).rejects.toMatchObject({ refusal: { code: 'bridge_failed' } });
    expect(await host.exited).toBe(0);
  });

  it('should leave alone a socket that replaced its own', async () => {
    dirs = makeTempDirs();
    const host = await startListeningHost();
    // Another host took the path over (rename replaces it, as a second host would).
    const replacement = join(dirname(dirs.socketPath), 'other.sock');
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(replacement, resolve));
    renameSync(replacement, dirs.socketPath);
    const inode = lstatSync(dirs.socketPath).ino;

    host.extension.close();

    expect(await host.exited).toBe(0);
    expect(lstatSync(dirs.socketPath).ino).toBe(inode);
  });

  it('should replace a stale socket left by a killed host', async () => {
    dirs = makeTempDirs();
    const first = await startListeningHost();
    first.child.kill('SIGKILL');
    await first.exited;
    expect(lstatSync(dirs.socketPath).isSocket()).toBe(true);

    const second = await startListeningHost();
    second.extension.respond(answerFromVault());

    expect((await ask({ type: 'token', account: '@bob' })).token).toBe(tokenOf(BOB));
  });

  it('should leave a live socket to the host already serving it, and take over when it stops', async () => {
    dirs = makeTempDirs();
    const first = await startListeningHost();
    first.extension.respond(answerFromVault('first'));

    const second = startHost();
    second.extension.respond(answerFromVault('second'));
    await waitUntil(
      () => second.stderr().includes('another igtt host answers'),
      15_000,
      'the second host',
    );
    expect((await ask({ type: 'token', account: '@ada' })).token).toBe(tokenOf(ADA, 'first'));

    first.extension.close();
    expect(await first.exited).toBe(0);
    await waitUntil(() => second.stderr().includes('took over the socket'), 15_000, 'the takeover');

    expect((await ask({ type: 'token', account: '@ada' })).token).toBe(tokenOf(ADA, 'second'));
  });

  it('should give up the port and exit 1 on a frame over 1 MB, removing its socket', async () => {
    dirs = makeTempDirs();
    const host = await startListeningHost();
    const header = Buffer.alloc(FRAME_HEADER_BYTES);
    header.writeUInt32LE(MAX_FRAME_BYTES + 1);

    host.child.stdin.write(header);

    expect(await host.exited).toBe(1);
    expect(host.stderr()).toMatch(/the port broke: A frame declares 1048577 bytes/);
    expect(existsSync(dirs.socketPath)).toBe(false);
  });

  it('should ignore messages outside the protocol and responses nobody waits for', async () => {
    dirs = makeTempDirs();
    const host = await startListeningHost();
    host.extension.respond(answerFromVault());

    host.child.stdin.write(encodeFrame({ kind: 'mystery' }));
    host.child.stdin.write(Buffer.concat([encodeFrame('x').subarray(0, 4), Buffer.from('"x"')]));
    host.extension.send({ kind: 'response', id: 'nobody', reply: { ok: true, data: null } });

    expect((await ask({ type: 'token', account: '@ada' })).token).toBe(tokenOf(ADA));
    expect(host.stderr()).toContain('not in the igtt bridge protocol');
    expect(host.stderr()).toContain('unknown or expired request nobody');
  });

  it('should exit 1 rather than replace a file that is not a socket', async () => {
    dirs = makeTempDirs();
    mkdirSync(dirname(dirs.socketPath), { recursive: true });
    writeFileSync(dirs.socketPath, 'keep me');

    const host = startHost();

    expect(await host.exited).toBe(1);
    expect(host.stderr()).toContain('stopped: cannot serve the socket');
    expect(readFileSync(dirs.socketPath, 'utf8')).toBe('keep me');
  });

  it('should exit 0 and remove its socket on SIGTERM', async () => {
    dirs = makeTempDirs();
    const host = await startListeningHost();

    host.child.kill('SIGTERM');

    expect(await host.exited).toBe(0);
    expect(existsSync(dirs.socketPath)).toBe(false);
  });

  describe('hooks', () => {
    it('should run waiting hooks with the token on stdin, report, and run nothing for the same stamp', async () => {
      dirs = makeTempDirs();
      // Prints on stdout and stderr too: neither may reach the host's stdout.
      const script = [
        'cat > "$OUT/$1.stdin"',
        'printf "%s\\n" "$0" "$@" > "$OUT/$1.argv"',
        'env > "$OUT/$1.env"',
        'echo "noise on stdout"',
        'echo "noise on stderr" >&2',
      ].join('; ');
      await addHook(dirs.hooksFile, {
        account: '@ada',
        command: ['sh', '-c', script, 'hook', 'ada-hook'],
      });
      await addHook(dirs.hooksFile, { command: ['sh', '-c', script, 'hook', 'any-hook'] });
      await addHook(dirs.hooksFile, { account: BOB.id, command: ['sh', '-c', 'exit 4'] });
      const host = await startListeningHost({ OUT: dirs.root });
      host.extension.respond(answerFromVault('1764633600000'));

      host.extension.send({
        kind: 'token-stamps',
        accounts: [
          { id: ADA.id, username: 'ada', stamp: '1764633600000' },
          { id: BOB.id, username: 'bob', stamp: '1764633600000' },
        ],
      });
      await host.extension.waitFor((m) => m.kind === 'hook-report' && m.accountId === BOB.id);

      const adaToken = tokenOf(ADA, '1764633600000');
      expect(host.extension.requests()).toEqual([
        { type: 'deliver', accountId: ADA.id },
        { type: 'deliver', accountId: BOB.id },
      ]);
      expect(readFileSync(join(dirs.root, 'ada-hook.stdin'), 'utf8')).toBe(adaToken);
      expect(readFileSync(join(dirs.root, 'any-hook.stdin'), 'utf8')).toBe(
        tokenOf(BOB, '1764633600000'),
      );
      for (const file of ['ada-hook.argv', 'ada-hook.env']) {
        expect(readFileSync(join(dirs.root, file), 'utf8')).not.toContain(adaToken);
      }
      expect(readFileSync(join(dirs.root, 'ada-hook.env'), 'utf8')).toContain('IG_USERNAME=ada\n');
      const reports = host.extension.received.filter((m) => m.kind === 'hook-report');
      expect(reports).toEqual([
        {
          kind: 'hook-report',
          accountId: ADA.id,
          stamp: '1764633600000',
          results: [
            { hook: 1, program: 'sh', exitCode: 0, ok: true },
            { hook: 2, program: 'sh', exitCode: 0, ok: true },
          ],
        },
        {
          kind: 'hook-report',
          accountId: BOB.id,
          stamp: '1764633600000',
          results: [
            { hook: 2, program: 'sh', exitCode: 0, ok: true },
            { hook: 3, program: 'sh', exitCode: 4, ok: false },
          ],
        },
      ]);
      expect(host.extension.protocolErrors).toEqual([]);
      expect(host.stderr()).toContain('noise on stdout');
      expect(host.stderr()).not.toContain(adaToken);
      const { hooks } = await readHooksFile(dirs.hooksFile);
      expect(hooks.map((hook) => hook.delivered)).toEqual([
        { [ADA.id]: '1764633600000' },
        { [ADA.id]: '1764633600000', [BOB.id]: '1764633600000' },
        { [BOB.id]: '1764633600000' },
      ]);

      host.extension.send({
        kind: 'token-stamps',
        accounts: [{ id: ADA.id, username: 'ada', stamp: '1764633600000' }],
      });
      host.extension.respond(answerFromVault('1764633600000'));
      expect((await ask({ type: 'token', account: '@ada' })).token).toBe(adaToken);

      expect(host.extension.requests().filter((r) => r.type === 'deliver')).toHaveLength(2);
    });

    it('should deliver the current token to a hook added while it runs', async () => {
      dirs = makeTempDirs();
      await addHook(dirs.hooksFile, { command: ['true'] });
      const host = await startListeningHost({ OUT: dirs.root });
      host.extension.respond(answerFromVault('7'));
      host.extension.send({
        kind: 'token-stamps',
        accounts: [{ id: ADA.id, username: 'ada', stamp: '7' }],
      });
      await host.extension.waitFor((m) => m.kind === 'hook-report');

      await addHook(dirs.hooksFile, { command: ['sh', '-c', 'cat > "$OUT/late"'] });
      const report = await host.extension.waitFor(
        (m) => m.kind === 'hook-report' && m.results.some((result) => result.hook === 2),
      );

      expect(report).toMatchObject({ results: [{ hook: 2, ok: true }] });
      expect(readFileSync(join(dirs.root, 'late'), 'utf8')).toBe(tokenOf(ADA, '7'));
    });
  });
});
