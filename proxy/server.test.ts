import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { HEALTH_PATH } from '../shared/exchange-contract';
import { startProxy, type RunningProxy } from './server';
import { testConfig } from '../tests/support/proxy-test-config';

/** GET over a real socket bound to `localAddress`, so the proxy sees that client address. */
function getFrom(url: string, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { localAddress, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.once('error', reject);
    outgoing.end();
  });
}

describe('startProxy', () => {
  let proxy: RunningProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  it('should listen on a free loopback port and answer /healthz', async () => {
    proxy = await startProxy(testConfig({ PROXY_PORT: '0' }), { log: () => undefined });

    const response = await fetch(`${proxy.url}${HEALTH_PATH}`);

    expect(proxy.url).toBe(`http://127.0.0.1:${proxy.port}`);
    expect(proxy.port).toBeGreaterThan(0);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('should rate-limit by the socket address of the client', async () => {
    proxy = await startProxy(testConfig({ PROXY_PORT: '0', PROXY_RATE_LIMIT: '1' }), {
      log: () => undefined,
    });
    const url = `${proxy.url}/nowhere`;

    await getFrom(url, '127.0.0.1');
    const actual = [await getFrom(url, '127.0.0.1'), await getFrom(url, '127.0.0.2')];

    expect(actual).toEqual([429, 404]);
  });

  it('should stop accepting connections after close', async () => {
    const running = await startProxy(testConfig({ PROXY_PORT: '0' }), { log: () => undefined });
    await fetch(`${running.url}${HEALTH_PATH}`);

    await running.close();

    await expect(fetch(`${running.url}${HEALTH_PATH}`)).rejects.toThrow();
  });

  it('should reject when the port is taken', async () => {
    proxy = await startProxy(testConfig({ PROXY_PORT: '0' }), { log: () => undefined });

    const actual = startProxy(testConfig({ PROXY_PORT: String(proxy.port) }));

    await expect(actual).rejects.toThrow(/EADDRINUSE/);
  });
});
