/**
 * A closed-loop load generator: `clients` keep-alive connections, each sending its next request
 * as soon as the last one is answered, for a fixed time. Throughput and latency come from the
 * same requests.
 */
import { Agent, request as httpRequest } from 'node:http';
import type { LoadFigures } from './results-schema';
import { percentile } from './stats';

/** What to send, how hard and for how long. */
export interface LoadOptions {
  readonly url: string;
  readonly clients: number;
  readonly seconds: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body of each request; called once per request. */
  readonly body: () => string;
}

/** A request with no answer after this long counts as an error. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Idle sockets are closed by the client before the servers' 5 s keep-alive timeout can race it. */
const KEEP_ALIVE = { keepAlive: true, timeout: 4_000 } as const;

function post(agent: Agent, options: LoadOptions, body: string): Promise<number> {
  return new Promise((resolve) => {
    const outgoing = httpRequest(options.url, {
      method: 'POST',
      agent,
      headers: { ...options.headers, 'Content-Length': String(Buffer.byteLength(body)) },
      timeout: REQUEST_TIMEOUT_MS,
    });
    outgoing.once('response', (incoming) => {
      incoming.resume();
      incoming.once('end', () => resolve(incoming.statusCode ?? 0));
      incoming.once('error', () => resolve(0));
    });
    outgoing.once('timeout', () => outgoing.destroy(new Error('timeout')));
    outgoing.once('error', () => resolve(0));
    outgoing.end(body);
  });
}

/** What one load run saw: the latency of every answered request, errors and elapsed time. */
export interface LoadSample {
  readonly latencies: readonly number[];
  readonly errors: number;
  readonly seconds: number;
}

/** Runs the load; 200 answers count, anything else is an error. */
export async function runHttpLoad(options: LoadOptions): Promise<LoadSample> {
  const agent = new Agent({ ...KEEP_ALIVE, maxSockets: options.clients });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      const status = await post(agent, options, options.body());
      if (status === 200) latencies.push(performance.now() - sent);
      else errors += 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: options.clients }, client));
  } finally {
    agent.destroy();
  }
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

/** One server's figures over all its rounds: requests per second of the total, pooled percentiles. */
export function summariseLoad(samples: readonly LoadSample[]): LoadFigures {
  const latencies = samples.flatMap((sample) => sample.latencies);
  const seconds = samples.reduce((sum, sample) => sum + sample.seconds, 0);
  return {
    requests: latencies.length,
    errors: samples.reduce((sum, sample) => sum + sample.errors, 0),
    seconds,
    reqPerSec: seconds === 0 ? 0 : latencies.length / seconds,
    p50Ms: latencies.length === 0 ? 0 : percentile(latencies, 50),
    p99Ms: latencies.length === 0 ? 0 : percentile(latencies, 99),
  };
}
