/** Runs the proxy on Node's HTTP server; used by `node.ts`, `npm start` and the tests. */
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createProxyApp, type ProxyDeps } from './app';
import type { ProxyConfig } from './config';
import { DEFAULT_SERVER_LIMITS, serverOptionsFor, type ServerLimits } from './server-limits';

/** Seams passed through to the app, and the server's timeouts; the client IP comes from the socket. */
export type StartProxyOptions = Omit<ProxyDeps, 'clientIp'> & {
  /** Overrides some of {@link DEFAULT_SERVER_LIMITS} (tests use short ones). */
  readonly limits?: Partial<ServerLimits>;
};

/** A listening proxy. */
export interface RunningProxy {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Starts the proxy on `config.host:config.port` (port 0 picks a free port), with the timeouts of
 * {@link ServerLimits} and at most `config.maxConnections` open connections.
 */
export function startProxy(
  config: ProxyConfig,
  options: StartProxyOptions = {},
): Promise<RunningProxy> {
  const { limits, ...deps } = options;
  const app = createProxyApp(config, {
    ...deps,
    clientIp: (c) => getConnInfo(c).remote.address,
  });
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        hostname: config.host,
        port: config.port,
        serverOptions: serverOptionsFor({ ...DEFAULT_SERVER_LIMITS, ...limits }),
      },
      (info) => {
        server.off('error', reject);
        const host = config.host.includes(':') ? `[${config.host}]` : config.host;
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error === undefined ? done() : fail(error)));
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        });
      },
    );
    // Beyond this many open sockets Node closes new ones at once, so a flood cannot exhaust memory.
    server.maxConnections = config.maxConnections;
    server.once('error', reject);
  });
}
