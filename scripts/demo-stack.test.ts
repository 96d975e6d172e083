import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HEALTH_PATH } from '../shared/exchange-contract';
import { startDemoStack, type DemoStack } from './demo-stack';
import { StartError } from './start-error';

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
