import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EXCHANGE_BUDGET_MS, HEALTH_PATH } from '../shared/exchange-contract';
import { startProxy, type RunningProxy } from './server';
import { DEFAULT_SERVER_LIMITS, serverOptionsFor } from './server-limits';
import { testConfig } from '../tests/support/proxy-test-config';

/** Short limits stand in for the 10 s headers timeout of production. */
const HEADERS_TIMEOUT_MS = 1_500;
const CHECK_INTERVAL_MS = 200;
/** Timers may run late on a loaded machine; still far below Node's default of about 60 s. */
const SLACK_MS = 3_000;
const HALF_OPEN_SOCKETS = 120;

/** A socket that sent part of a request line and then stalls, and what became of it. */
interface StalledSocket {
  readonly socket: Socket;
  readonly closed: Promise<{ afterMs: number; received: string }>;
  isOpen(): boolean;
}

function stallSocket(port: number, started: number): Promise<StalledSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let open = true;
    const closed = new Promise<{ afterMs: number; received: string }>((done) => {
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
      socket.on('close', () => {
        open = false;
        done({ afterMs: performance.now() - started, received });
      });
    });
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      socket.write('POST /v1/exch');
      resolve({ socket, closed, isOpen: () => open });
    });
    socket.once('error', reject);
  });
}

describe('Node server limits', () => {
  let proxy: RunningProxy | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await proxy?.close();
    proxy = undefined;
  });

  it('should close half-open sockets within the headers timeout and keep answering /healthz meanwhile', async () => {
    proxy = await startProxy(testConfig({ PROXY_PORT: '0' }), {
      log: () => undefined,
      limits: { headersTimeoutMs: HEADERS_TIMEOUT_MS, checkIntervalMs: CHECK_INTERVAL_MS },
    });
    const started = performance.now();
    const stalled = await Promise.all(
      Array.from({ length: HALF_OPEN_SOCKETS }, () => stallSocket(proxy?.port ?? 0, started)),
    );
    sockets.push(...stalled.map((entry) => entry.socket));

    const health = await fetch(`${proxy.url}${HEALTH_PATH}`);
    const openDuringHealthCheck = stalled.filter((entry) => entry.isOpen()).length;
    const closings = await Promise.all(stalled.map((entry) => entry.closed));

    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect(openDuringHealthCheck).toBe(HALF_OPEN_SOCKETS);
    const latest = Math.max(...closings.map((closing) => closing.afterMs));
    expect(latest).toBeLessThan(HEADERS_TIMEOUT_MS + CHECK_INTERVAL_MS + SLACK_MS);
    expect(closings.every((closing) => closing.received.startsWith('HTTP/1.1 408'))).toBe(true);
  });

  it('should drop connections beyond PROXY_MAX_CONNECTIONS at once', async () => {
    proxy = await startProxy(testConfig({ PROXY_PORT: '0', PROXY_MAX_CONNECTIONS: '4' }), {
      log: () => undefined,
      limits: { headersTimeoutMs: 20_000 },
    });
    const started = performance.now();
    const stalled = await Promise.all(
      Array.from({ length: 4 }, () => stallSocket(proxy?.port ?? 0, started)),
    );
    sockets.push(...stalled.map((entry) => entry.socket));

    const extra = await stallSocket(proxy.port, started);
    sockets.push(extra.socket);
    const dropped = await extra.closed;

    expect(dropped.received).toBe('');
    expect(stalled.every((entry) => entry.isOpen())).toBe(true);
  });

  it('should wait 10 s for headers and a little more than the exchange budget for a request', () => {
    const actual = serverOptionsFor(DEFAULT_SERVER_LIMITS);

    expect(actual.headersTimeout).toBe(10_000);
    expect(actual.requestTimeout).toBeGreaterThan(EXCHANGE_BUDGET_MS);
    expect(actual.requestTimeout).toBeLessThanOrEqual(EXCHANGE_BUDGET_MS + 5_000);
    expect(actual.keepAliveTimeout).toBeLessThan(actual.headersTimeout ?? 0);
    expect(actual.connectionsCheckingInterval).toBeLessThanOrEqual(1_000);
  });
});
