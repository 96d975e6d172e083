import { randomUUID } from 'node:crypto';
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
import { authorizationCode } from '../tests/support/sandbox-fixture';
import { PROJECT_ROOT } from './build-extension';
import { READY_LINE } from './demo-summary';
import { EXTENSION_ORIGIN } from './extension-id';
import { FIREFOX_REDIRECT_URI, GECKO_ID } from './firefox-extension-id';

/** tsx's CLI, as `npm start` runs it; `npx` would not pass SIGTERM on to it. */
const TSX_CLI = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const DEMO_BUILD_DIR = join(PROJECT_ROOT, '.output', 'demo', 'chrome-mv3');
const FIREFOX_DEMO_BUILD_DIR = join(PROJECT_ROOT, '.output', 'demo', 'firefox-mv3');
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

/** Every script of a demo build, concatenated. */
async function builtCode(buildDir = DEMO_BUILD_DIR): Promise<string> {
  const scripts = (await filesUnder(buildDir)).filter((file) => file.endsWith('.js'));
  return (await Promise.all(scripts.map((file) => readFile(file, 'utf8')))).join('\n');
}

/** A running `npm start`, as a test file sees it. */
interface Demo {
  readonly child: ChildProcessWithoutNullStreams;
  readonly output: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly sandboxUrl: string;
  readonly proxyUrl: string;
}

/**
 * Runs `npm start` with `args` on free ports before the describe block's tests, until it says it
 * is ready, and kills it after them unless a test stopped it.
 */
function useDemo(args: readonly string[]): Demo {
  let child: ChildProcessWithoutNullStreams | undefined;
  let output = '';
  let exited: Demo['exited'] = Promise.resolve({ code: null, signal: null });
  let sandboxUrl = '';
  let proxyUrl = '';

  beforeAll(async () => {
    const [sandboxPort, proxyPort] = await Promise.all([freePort(), freePort()]);
    sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    proxyUrl = `http://127.0.0.1:${proxyPort}`;
    const started = spawn(process.execPath, [TSX_CLI, 'scripts/start.ts', ...args], {
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
    child = started;
    exited = new Promise((resolve) => {
      started.once('exit', (code, signal) => resolve({ code, signal }));
    });
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes(READY_LINE)) resolve();
      };
      started.stdout.on('data', onData);
      started.stderr.on('data', onData);
      void exited.then(({ code }) =>
        reject(new Error(`npm start exited with ${code} before it was ready:\n${output}`)),
      );
    });
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      process.kill(-child.pid, 'SIGKILL');
      await exited;
    }
  });

  return {
    get child() {
      if (!child) throw new Error('npm start only runs inside tests.');
      return child;
    },
    get output() {
      return output;
    },
    get exited() {
      return exited;
    },
    get sandboxUrl() {
      return sandboxUrl;
    },
    get proxyUrl() {
      return proxyUrl;
    },
  };
}

describe('npm start --no-browser', () => {
  const demo = useDemo(['--no-browser']);

  it('should print the sandbox, proxy and control API URLs on the requested ports', () => {
    expect(demo.output).toContain(`Instagram sandbox  ${demo.sandboxUrl}`);
    expect(demo.output).toContain(`Exchange proxy     ${demo.proxyUrl}`);
    expect(demo.output).toContain(`${demo.sandboxUrl}/__control/state`);
  });

  it('should print where the extension is and how to load it when no browser opens', () => {
    expect(demo.output).toContain(`Load unpacked" and choose ${DEMO_BUILD_DIR}`);
    expect(demo.output).toContain('chrome://extensions');
  });

  it('should never print the app secret', () => {
    expect(demo.output).not.toContain(SANDBOX_CLIENT_SECRET);
  });

  it('should serve the proxy health check', async () => {
    const response = await fetch(`${demo.proxyUrl}${HEALTH_PATH}`);

    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ ok: true });
  });

  it('should serve the sandbox with its control API', async () => {
    const response = await fetch(`${demo.sandboxUrl}/__control/clock`);
    const actual = z.object({ now: z.iso.datetime() }).safeParse(await response.json());

    expect(response.status).toBe(200);
    expect(actual.success).toBe(true);
  });

  it('should let the proxy exchange a code against the sandbox', async () => {
    await fetch(`${demo.sandboxUrl}/__control/consent`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 'allow' }),
    });
    const redirectUri = SANDBOX_REDIRECT_URIS[0] ?? '';
    const code = await authorizationCode(demo.sandboxUrl, redirectUri);

    const response = await fetch(`${demo.proxyUrl}${EXCHANGE_PATH}`, {
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
      authorizeUrl: code.includes(`${demo.sandboxUrl}/oauth/authorize`),
      proxyUrl: code.includes(demo.proxyUrl),
    };

    expect(actual).toEqual({ authorizeUrl: true, proxyUrl: true });
  });

  it('should make a production build, with no source paths in the code', async () => {
    const code = await builtCode();

    expect(code.includes(PROJECT_ROOT)).toBe(false);
  });

  it('should close both servers and exit 0 on SIGTERM', async () => {
    demo.child.kill('SIGTERM');
    const actual = await demo.exited;

    expect(actual).toEqual({ code: 0, signal: null });
    await expect(fetch(`${demo.proxyUrl}${HEALTH_PATH}`)).rejects.toThrow();
    await expect(fetch(`${demo.sandboxUrl}/__control/clock`)).rejects.toThrow();
  });
});

describe('npm start --browser firefox --no-browser', () => {
  const demo = useDemo(['--browser', 'firefox', '--no-browser']);

  it('should print how to load the Firefox build as a temporary add-on', () => {
    expect(demo.output).toContain(`Extension build    ${FIREFOX_DEMO_BUILD_DIR}`);
    expect(demo.output).toContain('about:debugging#/runtime/this-firefox');
    expect(demo.output).toContain(`choose ${FIREFOX_DEMO_BUILD_DIR}/manifest.json`);
  });

  it('should build the Firefox add-on, with its gecko id, into .output/demo', async () => {
    const manifest = z
      .looseObject({
        browser_specific_settings: z.object({ gecko: z.object({ id: z.string() }) }),
      })
      .parse(JSON.parse(await readFile(join(FIREFOX_DEMO_BUILD_DIR, 'manifest.json'), 'utf8')));

    expect(manifest.browser_specific_settings.gecko.id).toBe(GECKO_ID);
  });

  it('should bake the sandbox and proxy URLs into the Firefox build as its defaults', async () => {
    const code = await builtCode(FIREFOX_DEMO_BUILD_DIR);

    const actual = {
      authorizeUrl: code.includes(`${demo.sandboxUrl}/oauth/authorize`),
      proxyUrl: code.includes(demo.proxyUrl),
    };

    expect(actual).toEqual({ authorizeUrl: true, proxyUrl: true });
  });

  it("should let the proxy exchange a code issued to Firefox's redirect URI, for a moz-extension origin", async () => {
    await fetch(`${demo.sandboxUrl}/__control/consent`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 'allow' }),
    });
    const authorize = new URL('/oauth/authorize', demo.sandboxUrl);
    authorize.search = new URLSearchParams({
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri: FIREFOX_REDIRECT_URI,
      response_type: 'code',
      scope: 'instagram_business_basic',
    }).toString();
    const location = (await fetch(authorize, { redirect: 'manual' })).headers.get('Location');
    const code = new URL(location ?? FIREFOX_REDIRECT_URI).searchParams.get('code');

    const response = await fetch(`${demo.proxyUrl}${EXCHANGE_PATH}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: `moz-extension://${randomUUID()}`,
      },
      body: JSON.stringify({ code, redirect_uri: FIREFOX_REDIRECT_URI }),
    });

    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({ user_id: SANDBOX_USERS[0].id });
  });

  it('should close both servers and exit 0 on SIGTERM', async () => {
    demo.child.kill('SIGTERM');
    const actual = await demo.exited;

    expect(actual).toEqual({ code: 0, signal: null });
    await expect(fetch(`${demo.proxyUrl}${HEALTH_PATH}`)).rejects.toThrow();
  });
});
