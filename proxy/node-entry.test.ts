import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HEALTH_PATH } from '../shared/exchange-contract';
import { TEST_CLIENT_SECRET, TEST_REDIRECT_URI, testEnv } from '../tests/support/proxy-test-config';

const ENTRY = join(import.meta.dirname, 'node.ts');

/** Runs `npm run proxy`'s entry with exactly `env` (plus PATH) and collects its output. */
function runEntry(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const firstLine = new Promise<string>((resolve) => {
    const check = () => {
      if (stdout.includes('\n') || stderr.includes('\n')) {
        resolve((stdout || stderr).split('\n')[0] ?? '');
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', () => resolve((stdout || stderr).split('\n')[0] ?? ''));
  });
  return { child, exited, firstLine, output: () => stdout + stderr };
}

describe('node.ts (npm run proxy)', () => {
  let running: ChildProcess | undefined;
  let tempDir: string | undefined;
  afterEach(async () => {
    if (running !== undefined && running.exitCode === null) {
      const exited = new Promise((resolve) => running?.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    }
    running = undefined;
    if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
    tempDir = undefined;
  });

  it('should print one line with the URL and never the secret', async () => {
    const entry = runEntry(testEnv({ PROXY_PORT: '0' }));
    running = entry.child;

    const line = await entry.firstLine;
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1] ?? '';
    const health = await fetch(`${url}${HEALTH_PATH}`);

    expect(await health.json()).toEqual({ ok: true });
    expect(entry.output()).not.toContain(TEST_CLIENT_SECRET);
  });

  it('should exit 1 with one line naming the variable when the secret is missing', async () => {
    const entry = runEntry(testEnv({ IG_CLIENT_SECRET: undefined }));
    running = entry.child;

    const code = await entry.exited;

    expect(code).toBe(1);
    expect(entry.output().trim().split('\n')).toEqual([
      'Invalid configuration: IG_CLIENT_SECRET is missing: set it to the Instagram app secret.',
    ]);
  });

  it('should exit 1 with one line naming the limit when PROXY_UPSTREAM_TIMEOUT_MS cannot fit the budget', async () => {
    const entry = runEntry(testEnv({ PROXY_UPSTREAM_TIMEOUT_MS: '20000' }));
    running = entry.child;

    const code = await entry.exited;

    expect(code).toBe(1);
    expect(entry.output().trim().split('\n')).toEqual([
      'Invalid configuration: PROXY_UPSTREAM_TIMEOUT_MS must be at most 12500: half of the 25000 ms an exchange may take, so that the code exchange and one long-lived attempt fit.',
    ]);
  });

  it('should read several apps from the file PROXY_CONFIG names', async () => {
    tempDir = mkdtempSync(join(tmpdir(), 'proxy-config-'));
    const file = join(tempDir, 'proxy.json');
    writeFileSync(
      file,
      JSON.stringify({
        apps: [
          {
            client_id: '1111',
            client_secret: TEST_CLIENT_SECRET,
            redirect_uris: [TEST_REDIRECT_URI],
          },
          {
            client_id: '2222',
            client_secret: 'other-secret-123',
            redirect_uris: [TEST_REDIRECT_URI],
          },
        ],
      }),
    );
    const entry = runEntry(
      testEnv({
        PROXY_PORT: '0',
        IG_CLIENT_ID: undefined,
        IG_CLIENT_SECRET: undefined,
        IG_REDIRECT_URIS: undefined,
        PROXY_CONFIG: file,
      }),
    );
    running = entry.child;

    const line = await entry.firstLine;

    expect(line).toContain('for 2 Instagram app(s)');
    expect(entry.output()).not.toContain(TEST_CLIENT_SECRET);
  });
});
