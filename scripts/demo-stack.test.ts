import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxControl } from '../sandbox/control-client';
import { SANDBOX_REDIRECT_URIS, SANDBOX_USERS } from '../sandbox/defaults';
import { EXCHANGE_PATH, HEALTH_PATH } from '../shared/exchange-contract';
import { demoProxyConfig, startDemoStack, type DemoStack } from './demo-stack';
import { FIREFOX_REDIRECT_URI } from './firefox-extension-id';
import { StartError } from './start-error';
import { authorizationCode } from '../tests/support/sandbox-fixture';

/** Holds a loopback port so that the demo cannot have it. */
function occupyPort(): Promise<{ port: number; server: Server }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address !== null ? address.port : 0, server });
    });
  });
}

async function startError(start: Promise<DemoStack>): Promise<StartError> {
  const error: unknown = await start.then(
    async (stack) => {
      await stack.close();
      return undefined;
    },
    (reason: unknown) => reason,
  );
  if (!(error instanceof StartError))
    throw new Error(`Expected a StartError, got ${String(error)}`);
  return error;
}

describe('startDemoStack', () => {
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('should start a proxy that answers its health check, on free ports', async () => {
    const stack = await startDemoStack({
      sandboxPort: 0,
      proxyEnv: { PROXY_PORT: '0' },
      proxyOptions: { log: () => undefined },
    });
    cleanups.push(() => stack.close());

    const response = await fetch(`${stack.proxy.url}${HEALTH_PATH}`);

    expect(response.status).toBe(200);
    expect(stack.sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("should have the proxy accept Chrome's and Firefox's redirect URIs and any Firefox origin", () => {
    const config = demoProxyConfig('http://127.0.0.1:1');

    expect(config.apps.map((app) => [app.flavor, app.redirectUris])).toEqual([
      ['instagram', [...SANDBOX_REDIRECT_URIS, FIREFOX_REDIRECT_URI]],
      ['facebook', [...SANDBOX_REDIRECT_URIS, FIREFOX_REDIRECT_URI]],
    ]);
    expect(config.allowedOrigins).toContain('moz-extension://*');
  });

  it("should exchange a code issued to Firefox's redirect URI, for a moz-extension origin, after a sandbox reset", async () => {
    const stack = await startDemoStack({
      sandboxPort: 0,
      proxyEnv: { PROXY_PORT: '0' },
      proxyOptions: { log: () => undefined },
    });
    cleanups.push(() => stack.close());
    const control = createSandboxControl(stack.sandbox.url);
    await control.reset();
    await control.setConsent('allow');

    const code = await authorizationCode(stack.sandbox.url, FIREFOX_REDIRECT_URI);
    const response = await fetch(`${stack.proxy.url}${EXCHANGE_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: `moz-extension://${randomUUID()}` },
      body: JSON.stringify({ code, redirect_uri: FIREFOX_REDIRECT_URI }),
    });

    expect(code).toMatch(/.+/);
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({ user_id: SANDBOX_USERS[0].id });
  });

  it('should name SANDBOX_PORT when the sandbox port is taken', async () => {
    const { port, server } = await occupyPort();
    cleanups.push(() => new Promise((done) => server.close(() => done())));

    const actual = await startError(
      startDemoStack({ sandboxPort: port, proxyEnv: { PROXY_PORT: '0' } }),
    );

    expect(actual.code).toBe('port_in_use');
    expect(actual.message).toContain(
      `Port ${port} on 127.0.0.1 is already in use: set SANDBOX_PORT`,
    );
  });

  it('should name PROXY_PORT when the proxy port is taken', async () => {
    const { port, server } = await occupyPort();
    cleanups.push(() => new Promise((done) => server.close(() => done())));

    const actual = await startError(
      startDemoStack({ sandboxPort: 0, proxyEnv: { PROXY_PORT: String(port) } }),
    );

    expect(actual.code).toBe('port_in_use');
    expect(actual.message).toContain('set PROXY_PORT');
  });

  it('should refuse an invalid PROXY_PORT through the proxy configuration', async () => {
    const actual = await startError(
      startDemoStack({ sandboxPort: 0, proxyEnv: { PROXY_PORT: 'x' } }),
    );

    expect(actual.code).toBe('invalid_env');
    expect(actual.message).toContain('PROXY_PORT');
  });
});
