/**
 * The fuzz phase of `npm run soak`: seeded malformed requests (tests/support/fuzz-requests.ts),
 * each with a client deadline. None may be answered 500, none may hang.
 */
import { Agent } from 'node:http';
import { ProxyErrorBodySchema } from '../shared/exchange-contract';
import {
  fuzzRequest,
  seededRandom,
  sendFuzzRequest,
  type FuzzRequest,
  type FuzzResponse,
} from '../tests/support/fuzz-requests';
import { REDIRECT_URI } from '../tests/support/sandbox-stack';
import { tally } from './soak-stats';

const CONCURRENCY = 32;
/** Far above the proxy's own answer times, far below its 30 s request timeout. */
const HANG_AFTER_MS = 10_000;
/** Instagram's failures the proxy maps to 502, 503 and 504 with an `upstream_*` code. */
const MAPPED_5XX = new Set([502, 503, 504]);
const MAX_SAMPLES = 10;

/** What the fuzz phase saw. */
export interface FuzzResult {
  readonly sent: number;
  readonly byStatus: Readonly<Record<string, number>>;
  /** Answers of 500, or any other 5xx that is not a mapped Instagram failure. */
  readonly serverErrors: number;
  readonly hangs: number;
  readonly samples: readonly string[];
  /** Every body that came back, for the leak search. */
  readonly bodies: readonly string[];
}

/** Sends `count` requests from `seed` to the proxy on `port`, `CONCURRENCY` at a time. */
export async function runFuzz(options: {
  port: number;
  count: number;
  seed: number;
}): Promise<FuzzResult> {
  const random = seededRandom(options.seed);
  const requests = Array.from({ length: options.count }, () =>
    fuzzRequest(random, { redirectUri: REDIRECT_URI }),
  );
  // No keep-alive: a reused socket the server just closed would fail for reasons unrelated to the proxy.
  const agent = new Agent({ keepAlive: false, maxSockets: CONCURRENCY });
  const outcomes: { request: FuzzRequest; response: FuzzResponse }[] = [];
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let index = next++; index < requests.length; index = next++) {
          const request = requests[index];
          if (request === undefined) continue;
          const response = await sendFuzzRequest(options.port, request, agent, HANG_AFTER_MS);
          outcomes.push({ request, response });
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  const serverError = ({ response }: { response: FuzzResponse }) =>
    response.status !== null && response.status >= 500 && !isMappedUpstreamError(response);
  const offending = outcomes.filter(
    (outcome) => serverError(outcome) || outcome.response.error === 'timeout',
  );
  return {
    sent: outcomes.length,
    byStatus: tally(outcomes.map(({ response }) => response.status)),
    serverErrors: outcomes.filter(serverError).length,
    hangs: outcomes.filter(({ response }) => response.error === 'timeout').length,
    samples: offending
      .slice(0, MAX_SAMPLES)
      .map(
        ({ request, response }) =>
          `${request.method} ${request.path.slice(0, 60)} (${request.raw}) -> ${response.status ?? response.error ?? 'closed'} ${response.body.slice(0, 200)}`,
      ),
    bodies: outcomes.map(({ response }) => response.body),
  };
}

function isMappedUpstreamError(response: FuzzResponse): boolean {
  if (response.status === null || !MAPPED_5XX.has(response.status)) return false;
  try {
    const body = ProxyErrorBodySchema.safeParse(JSON.parse(response.body));
    return body.success && body.data.error.code.startsWith('upstream_');
  } catch {
    return false;
  }
}
