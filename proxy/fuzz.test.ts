import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { HEALTH_PATH, ProxyErrorBodySchema } from '../shared/exchange-contract';
import type { RunningProxy } from './server';
import {
  fuzzRequest,
  seededRandom,
  sendFuzzRequest,
  type FuzzRequest,
  type FuzzResponse,
} from '../tests/support/fuzz-requests';
import {
  REDIRECT_URI,
  startProxyFor,
  startTestSandbox,
  type RunningSandbox,
} from '../tests/support/sandbox-stack';

const SEED = 0x1f2e3d4c;
const REQUEST_COUNT = 3000;
const CONCURRENCY = 16;
const LogStatusSchema = z.object({ status: z.number() });
/** Upstream failures the proxy maps: 502 upstream_error/bad_response, 503 busy, 504 timeout. */
const MAPPED_5XX = [502, 503, 504];

interface Outcome {
  readonly request: FuzzRequest;
  readonly response: FuzzResponse;
}

function describeOutcome({ request, response }: Outcome): string {
  return `${request.method} ${request.path.slice(0, 60)} (${request.raw}) -> ${String(response.status)} ${response.body.slice(0, 200)}`;
}

describe(`fuzz: ${REQUEST_COUNT} random and malformed requests over HTTP (seed ${SEED})`, () => {
  let sandbox: RunningSandbox;
  let proxy: RunningProxy;
  const logLines: string[] = [];
  const outcomes: Outcome[] = [];
  // No keep-alive: a reused socket the server just closed would fail for reasons unrelated to the proxy.
  const agent = new Agent({ keepAlive: false, maxSockets: CONCURRENCY });

  beforeAll(async () => {
    ({ sandbox } = await startTestSandbox());
    proxy = await startProxyFor(
      sandbox.url,
      { PROXY_RATE_LIMIT: '1000000', PROXY_UPSTREAM_TIMEOUT_MS: '2000' },
      { log: (line) => logLines.push(line) },
    );
    const random = seededRandom(SEED);
    const requests = Array.from({ length: REQUEST_COUNT }, () =>
      fuzzRequest(random, { redirectUri: REDIRECT_URI }),
    );
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let index = next++; index < requests.length; index = next++) {
          const request = requests[index];
          if (request !== undefined) {
            outcomes.push({ request, response: await sendFuzzRequest(proxy.port, request, agent) });
          }
        }
      }),
    );
  }, 60_000);

  afterAll(async () => {
    agent.destroy();
    await proxy.close();
    await sandbox.close();
  });

  it('should have sent every request', () => {
    expect(outcomes).toHaveLength(REQUEST_COUNT);
  });

  it('should answer no status of 500 or more except a mapped 502/503/504 with a JSON error', () => {
    const offending = outcomes.filter(({ response }) => {
      if (response.status === null || response.status < 500) return false;
      if (!MAPPED_5XX.includes(response.status)) return true;
      const body = ProxyErrorBodySchema.safeParse(JSON.parse(response.body || 'null'));
      return !body.success || !body.data.error.code.startsWith('upstream_');
    });

    expect(offending.map(describeOutcome)).toEqual([]);
  });

  it('should never have produced a 5xx other than 502/503/504, even for clients that hung up', () => {
    const statuses = logLines.map((line) => LogStatusSchema.parse(JSON.parse(line)).status);

    expect(statuses.filter((status) => status >= 500 && !MAPPED_5XX.includes(status))).toEqual([]);
  });

  it('should answer every request a well-behaved client could send', () => {
    const unanswered = outcomes.filter(
      ({ request, response }) => request.raw === 'none' && response.status === null,
    );

    expect(unanswered.map(describeOutcome)).toEqual([]);
  });

  it('should mark every answer of the app no-store and make every error a contract error body', () => {
    const fromApp = outcomes.filter(
      ({ response }) => response.headers['x-request-id'] !== undefined,
    );
    const notNoStore = fromApp.filter(
      ({ response }) => response.headers['cache-control'] !== 'no-store',
    );
    const badErrors = fromApp.filter(
      ({ request, response }) =>
        (response.status ?? 0) >= 400 &&
        request.method !== 'HEAD' &&
        !ProxyErrorBodySchema.safeParse(JSON.parse(response.body || 'null')).success,
    );

    expect(fromApp.length).toBeGreaterThan(REQUEST_COUNT * 0.9);
    expect(notNoStore.map(describeOutcome)).toEqual([]);
    expect(badErrors.map(describeOutcome)).toEqual([]);
  });

  it('should have reached Instagram with some requests and refused most before it', () => {
    const statuses = new Set(outcomes.map(({ response }) => response.status));

    for (const status of [200, 400, 403, 404, 405, 413, 415, 502]) {
      if (status !== 200) expect(statuses).toContain(status);
    }
    expect(statuses).toContain(200);
  });

  it('should leave Object.prototype unpolluted', () => {
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('should still answer /healthz afterwards', async () => {
    const response = await fetch(`${proxy.url}${HEALTH_PATH}`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});
