import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxControl } from './control-client';

const STARTUP_TIMEOUT_MS = 20_000;
let child: ChildProcess | undefined;

/** Asks the OS for a free port, then releases it for the sandbox to take. */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string') throw new Error('No TCP address');
  return address.port;
}

/** Runs `npx tsx sandbox/main.ts` in its own process group so the whole tree can be stopped. */
function runMain(env: Record<string, string>): ChildProcess {
  child = spawn('npx', ['tsx', 'sandbox/main.ts'], {
    cwd: new URL('..', import.meta.url),
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return child;
}

function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    text += chunk;
  });
  return () => text;
}

afterEach(() => {
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    process.kill(-child.pid, 'SIGKILL');
  }
  child = undefined;
});

describe('npm run sandbox (sandbox/main.ts)', () => {
  it(
    'should listen on SANDBOX_PORT, print its URLs, answer, and stop on SIGTERM',
    async () => {
      const port = await freePort();
      const sandboxProcess = runMain({ SANDBOX_PORT: String(port) });
      const stdout = collect(sandboxProcess.stdout);
      const origin = `http://127.0.0.1:${port}`;

      await expect.poll(stdout, { timeout: STARTUP_TIMEOUT_MS, interval: 100 }).toContain(origin);
      const calls = await createSandboxControl(origin).calls();
      const closed = once(sandboxProcess, 'close');
      process.kill(-(sandboxProcess.pid ?? 0), 'SIGTERM');
      await closed;

      expect(calls.me).toBe(0);
      expect(stdout()).toContain(`${origin}/oauth/authorize?client_id=990001234567890`);
      expect(stdout()).toContain(`${origin}/__control/`);
      expect(stdout()).not.toContain('sandbox-app-secret');
      expect([0, 'SIGTERM']).toContain(sandboxProcess.exitCode ?? sandboxProcess.signalCode);
    },
    STARTUP_TIMEOUT_MS + 5000,
  );

  it(
    'should exit non-zero with one line naming SANDBOX_PORT when it is invalid',
    async () => {
      const sandboxProcess = runMain({ SANDBOX_PORT: 'not-a-port' });
      const stderr = collect(sandboxProcess.stderr);

      await once(sandboxProcess, 'close');
      const lines = stderr().trim().split('\n');

      expect(sandboxProcess.exitCode).not.toBe(0);
      expect(sandboxProcess.exitCode).not.toBeNull();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Invalid SANDBOX_PORT: /);
    },
    STARTUP_TIMEOUT_MS,
  );
});
