import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { BridgeAccount } from '../../shared/bridge-protocol';
import { makeTempDirs, type TempDirs } from '../test-support/temp-dirs';
import { hookEnvironment, runHookCommand } from './run-hook-command';

const TOKEN = 'IGAAtest-token-0123456789';
const account: BridgeAccount = {
  id: '17841400000000001',
  username: 'ada',
  status: 'valid',
  expiresAt: Date.UTC(2027, 0, 31),
  scopes: [],
};

function collect(stream: PassThrough): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

describe('runHookCommand', () => {
  let dirs: TempDirs | undefined;
  afterEach(() => dirs?.remove());

  it('should give the token on stdin only, and the account in the environment', async () => {
    dirs = makeTempDirs();
    const output = new PassThrough();
    const printed = collect(output);
    const script = [
      'cat > "$OUT/stdin"',
      'printf "%s\\n" "$0" "$@" > "$OUT/argv"',
      'env > "$OUT/env"',
      'echo "to stdout"',
      'echo "to stderr" >&2',
    ].join('; ');

    const run = await runHookCommand({
      command: ['sh', '-c', script, 'hook'],
      token: TOKEN,
      account,
      env: { PATH: process.env.PATH, OUT: dirs.root, IG_ACCESS_TOKEN: 'inherited' },
      cwd: dirs.root,
      output,
    });

    expect(run).toMatchObject({ exitCode: 0, signal: null, ok: true });
    expect(readFileSync(join(dirs.root, 'stdin'), 'utf8')).toBe(TOKEN);
    expect(readFileSync(join(dirs.root, 'argv'), 'utf8')).not.toContain(TOKEN);
    const env = readFileSync(join(dirs.root, 'env'), 'utf8');
    expect(env).not.toContain(TOKEN);
    expect(env).not.toContain('IG_ACCESS_TOKEN');
    expect(env).toContain('IG_USER_ID=17841400000000001\n');
    expect(env).toContain('IG_USERNAME=ada\n');
    expect(env).toContain('IG_EXPIRES_AT=2027-01-31T00:00:00.000Z\n');
    expect(printed()).toContain('to stdout\n');
    expect(printed()).toContain('to stderr\n');
  });

  it('should report a failing exit code as not ok', async () => {
    const run = await runHookCommand({
      command: ['sh', '-c', 'exit 3'],
      token: TOKEN,
      account,
      env: { PATH: process.env.PATH },
      output: new PassThrough(),
    });

    expect(run).toMatchObject({ exitCode: 3, ok: false });
  });

  it('should not fail when the hook ignores stdin', async () => {
    const run = await runHookCommand({
      command: ['true'],
      token: 'x'.repeat(1_000_000),
      account,
      env: { PATH: process.env.PATH },
      output: new PassThrough(),
    });

    expect(run.ok).toBe(true);
  });

  it('should report a command that does not exist', async () => {
    const run = await runHookCommand({
      command: ['/nonexistent/igtt-hook'],
      token: TOKEN,
      account,
      env: {},
      output: new PassThrough(),
    });

    expect(run).toMatchObject({ exitCode: null, ok: false, failure: 'ENOENT' });
  });

  it('should stop a hook that outlives its timeout, with SIGKILL if it ignores SIGTERM', async () => {
    const run = await runHookCommand({
      // A busy loop rather than sleep, so that nothing outlives the test.
      command: ['sh', '-c', 'trap "" TERM; while :; do :; done'],
      token: TOKEN,
      account,
      env: { PATH: process.env.PATH },
      output: new PassThrough(),
      timeoutMs: 200,
      killGraceMs: 200,
    });

    expect(run).toMatchObject({ exitCode: null, signal: 'SIGKILL', ok: false });
    expect(run.failure).toMatch(/timed out/);
  });
});

describe('hookEnvironment', () => {
  it('should leave IG_EXPIRES_AT empty when the expiry is unknown', () => {
    expect(hookEnvironment({}, { ...account, expiresAt: null }).IG_EXPIRES_AT).toBe('');
  });
});
