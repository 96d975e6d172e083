/** The built `igtt` end to end against a fake host: real processes, real socket, real exit codes. */
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BRIDGE_ERROR_CODES,
  type BridgeAccount,
  type BridgeErrorCode,
  type BridgeReply,
} from '../shared/bridge-protocol';
import { TOKEN_FORMATS } from '../shared/token-formats';
import { BRIDGE_ERROR_EXIT_CODES } from './exit-codes';
import { runCli } from './run-cli';
import { buildTemporaryCli, collectExit, runScript, type BuiltCli } from './test-support/built-cli';
import { testContext } from './test-support/cli-context';
import { FakeExtension } from './test-support/fake-extension';
import { startFakeHost, type FakeHost } from './test-support/fake-host';
import { makeTempDirs, type TempDirs } from './test-support/temp-dirs';

const TOKEN = 'IGAAJtest-token_0123456789abcdef';
const GRAPH = 'https://graph.instagram.com/';
const ADA: BridgeAccount = {
  id: '17841400000000001',
  username: 'ada',
  status: 'valid',
  expiresAt: new Date(2099, 0, 31, 12).getTime(),
  scopes: ['instagram_business_basic'],
};
const BOB: BridgeAccount = {
  ...ADA,
  id: '17841400000000002',
  username: 'bob',
  expiresAt: null,
  status: 'expiring',
};

/** A healthy extension with two accounts. */
function healthy(request: unknown): BridgeReply {
  const type =
    typeof request === 'object' && request !== null && 'type' in request ? request.type : '';
  if (type === 'status') return { ok: true, data: { locked: false, accounts: [ADA, BOB] } };
  if (type === 'list') return { ok: true, data: { accounts: [ADA, BOB] } };
  return { ok: true, data: { token: TOKEN, account: ADA, graphUrl: GRAPH } };
}

let built: BuiltCli;
beforeAll(async () => {
  built = await buildTemporaryCli();
}, 60_000);
afterAll(() => built.remove());

describe('igtt', { timeout: 30_000 }, () => {
  let dirs: TempDirs;
  let host: FakeHost | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
    dirs.remove();
  });

  async function withHost(answer: (request: unknown) => BridgeReply = healthy): Promise<FakeHost> {
    dirs = makeTempDirs();
    host = await startFakeHost(dirs.socketPath, answer);
    return host;
  }

  const igtt = (...args: string[]) => runScript(built.cli, args, dirs.env, dirs.root);

  it('should print the raw token and a newline, nothing else', async () => {
    const fake = await withHost();

    const result = await igtt('token');

    expect(result).toEqual({ code: 0, stdout: `${TOKEN}\n`, stderr: '' });
    expect(fake.requests).toEqual([{ type: 'token' }]);
  });

  it.each(TOKEN_FORMATS.map((format) => format.id))(
    'should print --format %s like the popup',
    async (id) => {
      const fake = await withHost();
      const format = TOKEN_FORMATS.find((candidate) => candidate.id === id);

      const result = await igtt('token', '@ada', '--format', id);

      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${format?.render(TOKEN, ADA, GRAPH)}\n`);
      expect(fake.requests).toEqual([{ type: 'token', account: '@ada' }]);
    },
  );

  it('should list the accounts as JSON', async () => {
    await withHost();

    const result = await igtt('list', '--json');

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        username: 'ada',
        id: ADA.id,
        status: 'valid',
        expiresAt: new Date(ADA.expiresAt ?? 0).toISOString(),
        scopes: ['instagram_business_basic'],
      },
      {
        username: 'bob',
        id: BOB.id,
        status: 'expiring',
        expiresAt: null,
        scopes: ['instagram_business_basic'],
      },
    ]);
  });

  it('should list the accounts as a table', async () => {
    await withHost();

    const result = await igtt('list');

    expect(result.stdout.split('\n')[0]).toBe('ACCOUNT  ID                 STATUS    EXPIRY');
    expect(result.stdout).toMatch(
      /^@ada {5}17841400000000001 {2}valid {5}expires 2099-01-31 \(\d+ d\)$/m,
    );
    expect(result.stdout).toMatch(/^@bob {5}17841400000000002 {2}expiring {2}expiry unknown$/m);
  });

  it('should show the status', async () => {
    await withHost();

    const result = await igtt('status');

    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`bridge  reachable (${dirs.socketPath})`);
    expect(lines[1]).toBe('vault   unlocked');
    expect(lines[2]).toMatch(/^@ada {2}valid {5}expires 2099-01-31 \(\d+ d\)$/);
    expect(lines[3]).toBe('@bob  expiring  expiry unknown');
  });

  it('should show a locked vault and exit 4', async () => {
    await withHost(() => ({ ok: true, data: { locked: true, accounts: [] } }));

    const result = await igtt('status');

    expect(result.code).toBe(4);
    expect(result.stdout).toContain('vault   locked');
    expect(result.stderr).toMatch(/^igtt: The tokens are locked\. Unlock [^\n]*\n$/);
  });

  it('should run a command with the token in its environment, never its argv', async () => {
    await withHost();

    const result = await igtt(
      'run',
      '--',
      'sh',
      '-c',
      'printf "%s %s %s" "$IG_ACCESS_TOKEN" "$IG_USER_ID" "$IG_USERNAME"',
    );

    expect(result).toEqual({ code: 0, stdout: `${TOKEN} ${ADA.id} ada`, stderr: '' });
  });

  it.each([
    [['sh', '-c', 'exit 42'], 42],
    [['sh', '-c', 'kill -TERM $$'], 143],
    [['/nonexistent/tool'], 127],
  ])('should exit with the code of %j: %i', async (command, code) => {
    await withHost();

    const result = await igtt('run', '--account', '@ada', '--', ...command);

    expect(result.code).toBe(code);
  });

  it('should exit 3 with one line when no host runs', async () => {
    dirs = makeTempDirs();

    const result = await igtt('token');

    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `igtt: The igtt bridge is not reachable (no socket at ${dirs.socketPath}). Start the browser, and turn on Settings → Command-line access (then run \`igtt install\` once).\n`,
    );
  });

  it('should exit 3 for a stale socket nobody listens on', async () => {
    dirs = makeTempDirs();
    // Listening under another name and renaming leaves a socket file behind once closed.
    const temporary = join(dirname(dirs.socketPath), 'tmp.sock');
    mkdirSync(dirname(dirs.socketPath), { recursive: true });
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(temporary, resolve));
    renameSync(temporary, dirs.socketPath);
    await new Promise((resolve) => server.close(resolve));
    expect(statSync(dirs.socketPath).isSocket()).toBe(true);

    const result = await igtt('status');

    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^igtt: The igtt bridge is not reachable \(nobody is listening on .*\)\. Start the browser/,
    );
  });

  it.each(BRIDGE_ERROR_CODES.map((code) => [code, BRIDGE_ERROR_EXIT_CODES[code]] as const))(
    'should exit for %s with %i and the extension’s message and hint on one line',
    async (code: BridgeErrorCode, exitCode) => {
      await withHost(() => ({
        ok: false,
        error: { code, message: `Refused: ${code}.`, hint: 'Do the fix.' },
      }));

      const result = await igtt('token', '@ada');

      expect(result).toEqual({
        code: exitCode,
        stdout: '',
        stderr: `igtt: Refused: ${code}. Do the fix.\n`,
      });
    },
  );

  it('should exit 1 for a reply outside the protocol', async () => {
    await withHost(() => ({ ok: true, data: { token: 42 } }));

    const result = await igtt('token');

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^igtt: The bridge's answer to "token" does not have the expected shape/,
    );
  });

  it('should exit 2 for bad usage before asking anything', async () => {
    const fake = await withHost();

    const result = await igtt('token', 'ada');

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'igtt: ACCOUNT: Name the account as @username or its id. See `igtt token --help`.\n',
    );
    expect(fake.requests).toEqual([]);
  });

  it('should add, list and remove hooks without a browser', async () => {
    dirs = makeTempDirs();

    const added = await igtt(
      'hook',
      'add',
      '--account',
      '@ada',
      '--',
      '/usr/local/bin/push',
      '--to',
      'prod env',
    );
    const listed = await igtt('hook', 'list');
    const removed = await igtt('hook', 'remove', '1');
    const missing = await igtt('hook', 'remove', '1');

    expect(added.code).toBe(0);
    expect(added.stdout.split('\n')[0]).toBe(
      "Added hook 1 for @ada: /usr/local/bin/push --to 'prod env'",
    );
    expect(listed.stdout).toBe(
      [
        'ID  ACCOUNT  COMMAND                              HAD A TOKEN FOR',
        "1   @ada     /usr/local/bin/push --to 'prod env'  none yet",
        '',
      ].join('\n'),
    );
    expect(removed.stdout).toBe("Removed hook 1: /usr/local/bin/push --to 'prod env'\n");
    expect(missing).toMatchObject({
      code: 1,
      stderr: 'igtt: There is no hook 1; `igtt hook list` shows them.\n',
    });
    expect(statSync(dirs.hooksFile).mode & 0o777).toBe(0o600);
  });

  it('should install a launcher that starts the built host', async () => {
    dirs = makeTempDirs();
    const profile = join(dirs.root, 'profile');

    const installed = await igtt(
      'install',
      '--browser',
      'chromium',
      '--chromium-user-data-dir',
      profile,
    );
    const launcher = join(dirs.home, '.local', 'share', 'igtt', 'igtt-host');
    const child = spawn(launcher, ['chrome-extension://blocadghaajijcfckkjphjkhmmlcniff/'], {
      env: dirs.env,
      stdio: 'pipe',
    });
    const extension = new FakeExtension(child.stdin, child.stdout);
    extension.respond(() => ({ ok: true, data: { token: TOKEN, account: ADA, graphUrl: GRAPH } }));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = collectExit(child);
    const deadline = Date.now() + 15_000;
    while (!stderr.includes('listening at') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const token = await igtt('token');
    extension.close();

    expect(installed.code).toBe(0);
    expect(installed.stdout).toContain(
      `launcher          ${launcher}  (runs ${process.execPath} ${built.host})`,
    );
    expect(token).toEqual({ code: 0, stdout: `${TOKEN}\n`, stderr: '' });
    expect((await exit).code).toBe(0);
  });
});

describe('igtt in-process', () => {
  let dirs: TempDirs | undefined;
  afterEach(() => dirs?.remove());

  it('should exit 3 when the host does not answer in time', async () => {
    dirs = makeTempDirs();
    mkdirSync(dirname(dirs.socketPath), { recursive: true });
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(dirs?.socketPath, resolve));
    const context = testContext(dirs, { bridgeTimeoutMs: 300 });

    const code = await runCli(['list'], context);
    silent.close();

    expect(code).toBe(3);
    expect(context.stderr.text()).toMatch(
      /^igtt: The igtt bridge is not reachable \(no answer within 300 ms at /,
    );
  });
});
