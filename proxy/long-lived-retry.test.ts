import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ExchangeResponseSchema, SHORT_LIVED_SECONDS } from '../shared/exchange-contract';
import { LONG_LIVED_RETRY, backoffDelayMs } from './backoff';
import {
  FAKE_LONG_TOKEN,
  FAKE_SHORT_TOKEN,
  FAKE_USER_ID,
  graphError,
  hangingReply,
  inSequence,
  jsonText,
  longLivedReply,
  unsupportedGetReply,
  type FakeHandler,
} from '../tests/support/fake-instagram';
import {
  TEST_NOW,
  exchangeBody,
  postExchange,
  proxyWithFakeInstagram,
  readError,
} from '../tests/support/proxy-requests';
import { TEST_CLIENT_SECRET } from '../tests/support/proxy-test-config';

const LogLineSchema = z.object({
  status: z.number(),
  upstream: z.array(z.object({ call: z.string() })),
  long_lived_attempts: z.optional(z.number()),
  long_lived: z.optional(z.boolean()),
});

const transientFailures: [string, FakeHandler][] = [
  ['IGApiException 100 "Unsupported request - method type: get"', unsupportedGetReply],
  [
    'an upstream 500 with code 2',
    () =>
      graphError(
        { message: 'Service temporarily unavailable', type: 'OAuthException', code: 2 },
        500,
      ),
  ],
  [
    'code 1 at HTTP 400',
    () => graphError({ message: 'An unknown error occurred', type: 'OAuthException', code: 1 }),
  ],
  [
    'an upstream 503 with a Graph error of another code',
    () => graphError({ message: 'Please retry', type: 'OAuthException', code: 100 }, 503),
  ],
  ['an HTML 502 from a gateway', () => new Response('<html>Bad gateway</html>', { status: 502 })],
  ['a dropped connection', () => Promise.reject(new TypeError('fetch failed: socket hang up'))],
  ['a timeout', hangingReply],
];

describe('long-lived exchange: retried, and only this step', () => {
  it('should retry the flaky code 100 with backoff and answer the long-lived token', async () => {
    const { app, instagram, pauses } = proxyWithFakeInstagram({
      longLived: inSequence(unsupportedGetReply, unsupportedGetReply, longLivedReply),
    });

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(200);
    const actual = ExchangeResponseSchema.parse(await response.json());
    expect(actual).toEqual({
      access_token: FAKE_LONG_TOKEN,
      token_type: 'bearer',
      expires_in: 5184000,
      user_id: FAKE_USER_ID,
      permissions: ['instagram_business_basic', 'instagram_business_manage_comments'],
      issued_at: TEST_NOW.toISOString(),
      long_lived: true,
      flavor: 'instagram',
    });
    expect(instagram.codeCalls()).toHaveLength(1);
    expect(instagram.longLivedCalls()).toHaveLength(3);
    expect(pauses).toEqual([250, 500]);
  });

  it('should send the same short-lived token on every attempt', async () => {
    const { app, instagram } = proxyWithFakeInstagram({
      longLived: inSequence(unsupportedGetReply, longLivedReply),
    });

    await postExchange(app, exchangeBody());

    expect(
      instagram.longLivedCalls().map((call) => call.url.searchParams.get('access_token')),
    ).toEqual([FAKE_SHORT_TOKEN, FAKE_SHORT_TOKEN]);
  });

  it.each(transientFailures)('should retry after %s', async (_case, failure) => {
    const { app, instagram } = proxyWithFakeInstagram(
      { longLived: inSequence(failure, longLivedReply) },
      { PROXY_UPSTREAM_TIMEOUT_MS: '50' },
    );

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(200);
    expect(ExchangeResponseSchema.parse(await response.json()).long_lived).toBe(true);
    expect(instagram.longLivedCalls()).toHaveLength(2);
    expect(instagram.codeCalls()).toHaveLength(1);
  });

  it.each([
    [
      '190/463 (expired token)',
      () =>
        graphError({
          message: 'Error validating access token: Session has expired.',
          type: 'OAuthException',
          code: 190,
          error_subcode: 463,
        }),
    ],
    [
      '190 at HTTP 500',
      () =>
        graphError(
          { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 },
          500,
        ),
    ],
  ] as const)(
    'should not retry %s, and answer the error: the short-lived token is dead',
    async (_case, failure) => {
      const { app, instagram, pauses } = proxyWithFakeInstagram({ longLived: failure });

      const response = await postExchange(app, exchangeBody());

      expect(response.status).toBe(502);
      expect((await readError(response)).code).toBe('upstream_error');
      expect(instagram.longLivedCalls()).toHaveLength(1);
      expect(pauses).toEqual([]);
    },
  );

  it.each([
    [
      'code 100 for another reason',
      () => graphError({ message: 'Invalid parameter', type: 'IGApiException', code: 100 }),
      100,
    ],
    [
      'code 10 (permission)',
      () => graphError({ message: '(#10) Application does not have permission', code: 10 }),
      10,
    ],
    [
      'a rate limit (code 4)',
      () => graphError({ message: '(#4) Application request limit reached', code: 4 }),
      4,
    ],
    ['a malformed 200', () => jsonText('{"unexpected":true}'), undefined],
  ] as const)(
    'should not retry %s, and hand out the short-lived token at once',
    async (_case, failure, upstreamCode) => {
      const { app, instagram, pauses } = proxyWithFakeInstagram({ longLived: failure });

      const response = await postExchange(app, exchangeBody());

      expect(response.status).toBe(200);
      const body = ExchangeResponseSchema.parse(await response.json());
      expect(body).toMatchObject({ long_lived: false, access_token: FAKE_SHORT_TOKEN });
      expect(body.upstream_error?.code).toBe(upstreamCode);
      expect(instagram.longLivedCalls()).toHaveLength(1);
      expect(instagram.codeCalls()).toHaveLength(1);
      expect(pauses).toEqual([]);
    },
  );

  it(`should answer the short-lived token after ${LONG_LIVED_RETRY.maxAttempts} refused attempts`, async () => {
    const { app, instagram, pauses } = proxyWithFakeInstagram({ longLived: unsupportedGetReply });

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(200);
    const actual = ExchangeResponseSchema.parse(await response.json());
    expect(actual).toEqual({
      access_token: FAKE_SHORT_TOKEN,
      token_type: 'bearer',
      expires_in: SHORT_LIVED_SECONDS,
      user_id: FAKE_USER_ID,
      permissions: ['instagram_business_basic', 'instagram_business_manage_comments'],
      issued_at: TEST_NOW.toISOString(),
      long_lived: false,
      flavor: 'instagram',
      upstream_error: {
        type: 'IGApiException',
        code: 100,
        message: 'Unsupported request - method type: get',
        fbtrace_id: 'AfakeTraceUnsupported',
      },
    });
    expect(instagram.longLivedCalls()).toHaveLength(LONG_LIVED_RETRY.maxAttempts);
    expect(instagram.codeCalls()).toHaveLength(1);
    expect(pauses).toEqual([250, 500, 1000, 2000, 4000]);
  });

  it('should keep the expiry the code exchange gave to the short-lived token', async () => {
    const { app } = proxyWithFakeInstagram({
      code: () =>
        jsonText(
          `{"access_token":"${FAKE_SHORT_TOKEN}","user_id":${FAKE_USER_ID},"expires_in":3599}`,
        ),
      longLived: unsupportedGetReply,
    });

    const response = await postExchange(app, exchangeBody());

    expect(ExchangeResponseSchema.parse(await response.json()).expires_in).toBe(3599);
  });

  it("should report Instagram's last refusal even when the last attempt timed out", async () => {
    const { app } = proxyWithFakeInstagram(
      { longLived: inSequence(unsupportedGetReply, hangingReply) },
      { PROXY_UPSTREAM_TIMEOUT_MS: '20' },
    );

    const response = await postExchange(app, exchangeBody());

    const actual = ExchangeResponseSchema.parse(await response.json());
    expect(actual.long_lived).toBe(false);
    expect(actual.upstream_error?.code).toBe(100);
  });

  it('should leave upstream_error out when no attempt got a refusal from Instagram', async () => {
    const { app } = proxyWithFakeInstagram({
      longLived: () => Promise.reject(new TypeError('fetch failed')),
    });

    const response = await postExchange(app, exchangeBody());

    const body: unknown = await response.json();
    expect(body).toMatchObject({ long_lived: false, access_token: FAKE_SHORT_TOKEN });
    expect(body).not.toHaveProperty('upstream_error');
  });

  it('should log the number of attempts and the outcome, never a token', async () => {
    const { app, lines } = proxyWithFakeInstagram({
      longLived: inSequence(unsupportedGetReply, unsupportedGetReply, longLivedReply),
    });

    await postExchange(app, exchangeBody());

    const actual = LogLineSchema.parse(JSON.parse(lines[0] ?? ''));
    expect(actual).toMatchObject({ status: 200, long_lived_attempts: 3, long_lived: true });
    expect(actual.upstream.map((call) => call.call)).toEqual([
      'oauth/access_token',
      'access_token',
      'access_token',
      'access_token',
    ]);
    for (const secret of [FAKE_SHORT_TOKEN, FAKE_LONG_TOKEN, TEST_CLIENT_SECRET]) {
      expect(lines.join('\n')).not.toContain(secret);
    }
  });

  it('should log long_lived false for a short-lived answer', async () => {
    const { app, lines } = proxyWithFakeInstagram({ longLived: unsupportedGetReply });

    await postExchange(app, exchangeBody());

    expect(LogLineSchema.parse(JSON.parse(lines[0] ?? ''))).toMatchObject({
      long_lived_attempts: LONG_LIVED_RETRY.maxAttempts,
      long_lived: false,
    });
  });
});

describe('code exchange: never retried (docs/instagram-contract.md §2.4)', () => {
  const codeFailures: [string, FakeHandler][] = [
    ...transientFailures,
    [
      'a rate limit',
      () => graphError({ message: '(#4) Application request limit reached', code: 4 }),
    ],
    [
      'a refused code',
      () =>
        jsonText(
          '{"error_type":"OAuthException","code":400,"error_message":"Matching code was not found or was already used"}',
          400,
        ),
    ],
  ];

  it.each(codeFailures)(
    'should call it exactly once after %s and never step 4',
    async (_case, failure) => {
      const { app, instagram, pauses } = proxyWithFakeInstagram(
        { code: failure },
        { PROXY_UPSTREAM_TIMEOUT_MS: '50' },
      );

      const response = await postExchange(app, exchangeBody());

      expect(response.status).toBeGreaterThanOrEqual(500);
      expect(instagram.codeCalls()).toHaveLength(1);
      expect(instagram.longLivedCalls()).toHaveLength(0);
      expect(pauses).toEqual([]);
    },
  );
});

describe('backoffDelayMs', () => {
  it('should double from 250 ms up to 4 s', () => {
    const actual = [1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelayMs(attempt, () => 0.5));

    expect(actual).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
  });

  it('should add ±20 % jitter', () => {
    expect([backoffDelayMs(1, () => 0), backoffDelayMs(1, () => 0.999999)]).toEqual([200, 300]);
  });
});
