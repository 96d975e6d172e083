/**
 * How long the Node server waits for a client, so that half-open or stalled sockets cannot pile
 * up: Node's defaults keep a socket that never finishes its headers for about a minute.
 */
import type { ServerOptions } from 'node:http';
import { EXCHANGE_BUDGET_MS } from '../shared/exchange-contract';

/** The Node server's timeouts, in milliseconds. */
export interface ServerLimits {
  /** A client must have sent all request headers within this time of connecting (408 otherwise). */
  readonly headersTimeoutMs: number;
  /** A client must have sent the whole request within this time. */
  readonly requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this time. */
  readonly keepAliveTimeoutMs: number;
  /** How often Node checks the two timeouts above; a stalled socket lives at most this much longer. */
  readonly checkIntervalMs: number;
}

/** Production limits: 10 s for headers, the exchange budget plus 5 s for a request, 5 s idle. */
export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: EXCHANGE_BUDGET_MS + 5_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
};

/** The `http.createServer` options that enforce `limits`. */
export function serverOptionsFor(limits: ServerLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
  };
}
