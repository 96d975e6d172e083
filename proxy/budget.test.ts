import { describe, expect, it } from 'vitest';
import { EXCHANGE_BUDGET_MS, ExchangeResponseSchema } from '../shared/exchange-contract';
import { MAX_UPSTREAM_TIMEOUT_MS, loadConfig } from './config';
import { startDeadline } from './deadline';
import { ConfigError } from './errors';
import {
  FAKE_SHORT_TOKEN,
  hangingReply,
  inSequence,
  longLivedReply,
  unsupportedGetReply,
  flatCodeReply,
  type FakeHandler,
} from '../tests/support/fake-instagram';
import {
  exchangeBody,
  postExchange,
  proxyWithFakeInstagram,
  readError,
} from '../tests/support/proxy-requests';
import { sleepFor } from './backoff';
import { testEnv } from '../tests/support/proxy-test-config';

/** A small budget stands in for the 25 s one; the upstream timeout stays at its 10 s default. */
const BUDGET_MS = 600;
/**
 * Timers may run late on a loaded machine, so the bound is generous; it stays far below the
 * 10 s of PROXY_UPSTREAM_TIMEOUT_MS that a call would take without the budget.
 */
const SLACK_MS = 2_000;

/** The proxy with a real pause between attempts and a small budget. */
function setup(handlers: { code?: FakeHandler; longLived?: FakeHandler }) {
  return proxyWithFakeInstagram(handlers, {}, { budgetMs: BUDGET_MS, sleep: sleepFor });
}

async function timed(send: () => Promise<Response>) {
  const started = performance.now();
  const response = await send();
  const text = await response.text();
  return { response, body: (): unknown => JSON.parse(text), ms: performance.now() - started };
}

describe('exchange budget', () => {
  it('should end a hanging code exchange at the budget with 504, not at PROXY_UPSTREAM_TIMEOUT_MS', async () => {
    const { app, instagram } = setup({ code: hangingReply });

    const { response, ms } = await timed(() => postExchange(app, exchangeBody()));

    expect(response.status).toBe(504);
    expect(ms).toBeLessThan(BUDGET_MS + SLACK_MS);
    expect(instagram.codeCalls()[0]?.signal?.aborted).toBe(true);
    expect(instagram.longLivedCalls()).toHaveLength(0);
  });

  it('should answer the short-lived token within the budget when the long-lived exchange hangs', async () => {
    const { app, instagram } = setup({ longLived: hangingReply });

    const { response, ms } = await timed(() => postExchange(app, exchangeBody()));

    expect(response.status).toBe(200);
    expect(ms).toBeLessThan(BUDGET_MS + SLACK_MS);
    expect(instagram.longLivedCalls().every((call) => call.signal?.aborted === true)).toBe(true);
  });

  it('should stop retrying, pauses included, when the budget runs out', async () => {
    const slowCode: FakeHandler = async (call) => {
      await sleepFor(250);
      return flatCodeReply(call);
    };
    const { app, instagram } = setup({ code: slowCode, longLived: unsupportedGetReply });

    const { response, body, ms } = await timed(() => postExchange(app, exchangeBody()));

    expect(response.status).toBe(200);
    const actual = ExchangeResponseSchema.parse(body());
    expect([actual.access_token, actual.long_lived]).toEqual([FAKE_SHORT_TOKEN, false]);
    expect(ms).toBeLessThan(BUDGET_MS + SLACK_MS);
    // After 250 ms on the code, a 250 ms pause would leave under 200 ms for another attempt, so
    // the proxy answers the short-lived token at once instead of pausing.
    expect(instagram.longLivedCalls()).toHaveLength(1);
  });

  it('should still succeed on a late attempt that fits', async () => {
    const { app } = setup({ longLived: inSequence(unsupportedGetReply, longLivedReply) });

    const response = await postExchange(app, exchangeBody());

    expect(ExchangeResponseSchema.parse(await response.json()).long_lived).toBe(true);
  });

  it('should say how long it waited in the timeout message', async () => {
    const { app } = setup({ code: hangingReply });

    const response = await postExchange(app, exchangeBody());

    expect((await readError(response)).message).toMatch(/within \d+ ms/);
  });
});

describe('startDeadline', () => {
  it('should cap each timeout at the time left', () => {
    let now = 1000;
    const deadline = startDeadline(500, () => now);

    const early = deadline.timeoutFor(200);
    now = 1400;
    const late = deadline.timeoutFor(200);
    now = 2000;

    expect([early, late, deadline.timeoutFor(200), deadline.remainingMs()]).toEqual([
      200, 100, 0, 0,
    ]);
  });
});

describe('PROXY_UPSTREAM_TIMEOUT_MS and the budget', () => {
  it('should be at most half the shared budget', () => {
    expect(MAX_UPSTREAM_TIMEOUT_MS).toBe(EXCHANGE_BUDGET_MS / 2);
    expect(
      loadConfig(testEnv({ PROXY_UPSTREAM_TIMEOUT_MS: String(MAX_UPSTREAM_TIMEOUT_MS) }))
        .upstreamTimeoutMs,
    ).toBe(MAX_UPSTREAM_TIMEOUT_MS);
  });

  it('should refuse a timeout that cannot fit, with one line naming the variable and the limit', () => {
    let actual: unknown;
    try {
      loadConfig(testEnv({ PROXY_UPSTREAM_TIMEOUT_MS: String(MAX_UPSTREAM_TIMEOUT_MS + 1) }));
    } catch (error) {
      actual = error;
    }

    expect(actual).toBeInstanceOf(ConfigError);
    expect(actual).toMatchObject({
      variable: 'PROXY_UPSTREAM_TIMEOUT_MS',
      message: `Invalid configuration: PROXY_UPSTREAM_TIMEOUT_MS must be at most ${MAX_UPSTREAM_TIMEOUT_MS}: half of the ${EXCHANGE_BUDGET_MS} ms an exchange may take, so that the code exchange and one long-lived attempt fit.`,
    });
  });
});
