/** Runs the sandbox on a real port (`port: 0` picks a free one) and closes it completely. */
import { serve } from '@hono/node-server';
import { Server } from 'node:http';
import { createSandbox } from './app';
import { SANDBOX_DEFAULT_HOST, SANDBOX_DEFAULT_PORT } from './defaults';
import type { SandboxOptions } from './sandbox-config';

/** Where to listen, plus the sandbox options. */
export interface StartSandboxOptions extends SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

/** A listening sandbox. */
export interface RunningSandbox {
  /** Origin such as `http://127.0.0.1:8788`. */
  url: string;
  port: number;
  /** Releases held responses, drops every connection and stops listening; safe to call twice. */
  close(): Promise<void>;
}

/** Starts a sandbox and resolves once it accepts connections. */
export function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const { port = SANDBOX_DEFAULT_PORT, host = SANDBOX_DEFAULT_HOST, ...sandboxOptions } = options;
  const { app, state } = createSandbox(sandboxOptions);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      server.off('error', reject);
      const hostInUrl = info.address.includes(':') ? `[${info.address}]` : info.address;
      let closing: Promise<void> | undefined;
      const close = () =>
        new Promise<void>((done, fail) => {
          state.held.releaseAll();
          server.close((error) => (error ? fail(error) : done()));
          // Idle keep-alive sockets would otherwise keep close() pending for seconds.
          if (server instanceof Server) server.closeAllConnections();
        });
      resolve({
        url: `http://${hostInUrl}:${info.port}`,
        port: info.port,
        close: () => (closing ??= close()),
      });
    });
    server.once('error', reject);
  });
}
