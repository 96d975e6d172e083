import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_REDIRECT_URIS,
  SANDBOX_USERS,
} from '../sandbox/defaults';
import { EXCHANGE_PATH, HEALTH_PATH } from '../shared/exchange-contract';
import { PROJECT_ROOT } from './build-extension';
import { READY_LINE } from './demo-summary';
import { EXTENSION_ORIGIN } from './extension-id';

/** tsx's CLI, as `npm start` runs it; `npx` would not pass SIGTERM on to it. */
const TSX_CLI = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const DEMO_BUILD_DIR = join(PROJECT_ROOT, '.output', 'demo', 'chrome-mv3');
/** Start-up includes a full `wxt build` on a two-core machine. */
const START_TIMEOUT_MS = 120_000;

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every script of the demo build, concatenated. */
async function builtCode(): Promise<string> {
  const scripts = (await filesUnder(DEMO_BUILD_DIR)).filter((file) => file.endsWith('.js'));
  return (await Promise.all(scripts.map((file) => readFile(file, 'utf8')))).join('\n');
}

describe('npm start --no-browser', () => {
  let child: ChildProcessWithoutNullStreams;
  let output = '';
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  let sandboxUrl: string;
  let proxyUrl: string;

  beforeAll(async () => {
    const [sandboxPort, proxyPort] = await Promise.all([freePort(), freePort()]);
    sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    proxyUrl = `http://127.0.0.1:${proxyPort}`;
    child = spawn(process.execPath, [TSX_CLI, 'scripts/start.ts', '--no-browser'], {
      cwd: PROJECT_ROOT,
      // Its own process group, so that cleanup can also reach the node process tsx starts.
      detached: true,
      env: {
        ...process.env,
        SANDBOX_PORT: String(sandboxPort),
        PROXY_PORT: String(proxyPort),
        START_NO_BROWSER: '',
      },
    });
    exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes(READY_LINE)) resolve();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then(({ code }) =>
        reject(new Error(`npm start exited with ${code} before it was ready:\n${output}`)),
      );
    });
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      process.kill(-child.pid, 'SIGKILL');
      await exited;
    }
  });

  it('should print the sandbox, proxy and control API URLs on the requested ports', () => {
    expect(output).toContain(`Instagram sandbox  ${sandboxUrl}`);
    expect(output).toContain(`Exchange proxy     ${proxyUrl}`);
    expect(output).toContain(`${sandboxUrl}/__control/state`);
  });

  it('should print where the extension is and how to load it when no browser opens', () => {
    expect(output).toContain(`Load unpacked" and choose ${DEMO_BUILD_DIR}`);
    expect(output).toContain('chrome://extensions');
  });

  it('should never print the app secret', () => {
    expect(output).not.toContain(SANDBOX_CLIENT_SECRET);
  });

  it('should serve the proxy health check', async () => {
    const response = await fetch(`${proxyUrl}${HEALTH_PATH}`);

    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ ok: true });
  });

  it('should serve the sandbox with its control API', async () => {
    const response = await fetch(`${sandboxUrl}/__control/clock`);
    const actual = z.object({ now: z.iso.datetime() }).safeParse(await response.json());

    expect(response.status).toBe(200);
    expect(actual.success).toBe(true);
  });

  it('should let the proxy exchange a code against the sandbox', async () => {
    await fetch(`${sandboxUrl}/__control/consent`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 'allow' }),
    });
    const redirectUri = SANDBOX_REDIRECT_URIS[0] ?? '';
    const authorize = new URL('/oauth/authorize', sandboxUrl);
    authorize.search = new URLSearchParams({
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'instagram_business_basic',
    }).toString();
    const location = (await fetch(authorize, { redirect: 'manual' })).headers.get('Location');
    const code = new URL(location ?? redirectUri).searchParams.get('code');

    const response = await fetch(`${proxyUrl}${EXCHANGE_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: EXTENSION_ORIGIN },
      body: JSON.stringify({ code, redirect_uri: redirectUri }),
    });

    expect(response.status).toBe(200);
    // The exchange answers the app-scoped id; accounts are keyed by /me's user_id.
    await expect(response.json()).resolves.toMatchObject({ user_id: SANDBOX_USERS[0].id });
  });

  it('should build the extension into .output/demo', async () => {
    const manifest = await stat(join(DEMO_BUILD_DIR, 'manifest.json'));

    expect(manifest.isFile()).toBe(true);
  });

  it('should bake the sandbox and proxy URLs into the build as its defaults', async () => {
    const code = await builtCode();

    const actual = {
      authorizeUrl: code.includes(`${sandboxUrl}/oauth/authorize`),
      proxyUrl: code.includes(proxyUrl),
    };

    expect(actual).toEqual({ authorizeUrl: true, proxyUrl: true });
  });

  it('should make a production build, with no source paths in the code', async () => {
    const code = await builtCode();

    expect(code.includes(PROJECT_ROOT)).toBe(false);
  });

  it('should close both servers and exit 0 on SIGTERM', async () => {
    child.kill('SIGTERM');
    const actual = await exited;

    expect(actual).toEqual({ code: 0, signal: null });
    await expect(fetch(`${proxyUrl}${HEALTH_PATH}`)).rejects.toThrow();
    await expect(fetch(`${sandboxUrl}/__control/clock`)).rejects.toThrow();
  });
});
