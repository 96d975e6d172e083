/**
 * The half-open phase of `npm run soak`: sockets that send part of a request and stall, as a
 * slow-loris client would, while `/healthz` must keep answering. The Node server closes them at
 * its headers timeout (10 s, `proxy/server-limits.ts`).
 */
import { Agent } from 'node:http';
import { connect, type Socket } from 'node:net';
import { HEALTH_PATH } from '../shared/exchange-contract';
import { send } from './soak-http';
import { percentile } from './soak-stats';

/** How long to wait for the server to close them: its 10 s headers timeout and some slack. */
const HOLD_MS = 20_000;
const PROBE_EVERY_MS = 200;
const OPEN_BATCH = 50;
/** The first bytes of a request; the server never gets the rest. */
const PARTIAL_REQUEST =
  'POST /v1/exchange HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Le';

/** What the half-open phase saw. */
export interface HalfOpenResult {
  readonly opened: number;
  readonly closedByServer: number;
  /** When the server closed them, in ms after each was opened. */
  readonly closedAfterMs: { readonly min?: number; readonly max?: number };
  /** What the server wrote before closing, e.g. `408`, per socket. */
  readonly closingStatuses: Readonly<Record<string, number>>;
  /** `/healthz` while every stalled socket was still open. */
  readonly healthz: {
    readonly probes: number;
    readonly ok: number;
    readonly p50Ms?: number;
    readonly maxMs?: number;
  };
  /** Everything the server wrote to the stalled sockets, for the leak search. */
  readonly received: string;
}

interface StalledSocket {
  readonly socket: Socket;
  readonly openedAt: number;
  closedAt?: number;
  received: string;
}

function stall(port: number): Promise<StalledSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.removeListener('error', reject);
      const stalled: StalledSocket = { socket, openedAt: performance.now(), received: '' };
      socket.on('data', (chunk: Buffer) => (stalled.received += chunk.toString('latin1')));
      socket.on('error', () => undefined);
      socket.on('close', () => (stalled.closedAt = performance.now()));
      socket.write(PARTIAL_REQUEST);
      resolve(stalled);
    });
  });
}

/** Opens `count` stalled sockets, probes `/healthz` while they are open, and waits for the server. */
export async function runHalfOpen(options: {
  port: number;
  count: number;
}): Promise<HalfOpenResult> {
  const stalled: StalledSocket[] = [];
  for (let opened = 0; opened < options.count; opened += OPEN_BATCH) {
    const batch = Math.min(OPEN_BATCH, options.count - opened);
    stalled.push(...(await Promise.all(Array.from({ length: batch }, () => stall(options.port)))));
  }
  const agent = new Agent({ keepAlive: false });
  const latencies: number[] = [];
  let ok = 0;
  const started = performance.now();
  const allOpen = () => stalled.every((entry) => entry.closedAt === undefined);
  const anyOpen = () => stalled.some((entry) => entry.closedAt === undefined);
  try {
    while (anyOpen() && performance.now() - started < HOLD_MS) {
      if (allOpen()) {
        const probe = await send(agent, {
          method: 'GET',
          url: `http://127.0.0.1:${options.port}${HEALTH_PATH}`,
          timeoutMs: 5_000,
        });
        // A probe that ended after the first close no longer measures a full house.
        if (allOpen()) {
          latencies.push(probe.ms);
          if (probe.status === 200) ok += 1;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
  } finally {
    agent.destroy();
    for (const entry of stalled) entry.socket.destroy();
  }
  const closed = stalled.filter(
    (entry) => entry.closedAt !== undefined && entry.closedAt - started < HOLD_MS,
  );
  const closedAfter = closed.map((entry) => (entry.closedAt ?? 0) - entry.openedAt);
  return {
    opened: stalled.length,
    closedByServer: closed.length,
    closedAfterMs: { min: percentile(closedAfter, 0), max: percentile(closedAfter, 100) },
    closingStatuses: tallyStatuses(closed.map((entry) => entry.received)),
    healthz: {
      probes: latencies.length,
      ok,
      p50Ms: percentile(latencies, 50),
      maxMs: percentile(latencies, 100),
    },
    received: stalled.map((entry) => entry.received).join('\n'),
  };
}

function tallyStatuses(replies: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const reply of replies) {
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(reply)?.[1] ?? 'none';
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}
