import { describe, expect, it, vi } from 'vitest';
import { json, stubFetch, type FakeRoute } from '@/tests/support/fake-fetch';
import { checkProxySetup, exchangeCode } from './proxy-client';

const PROXY = 'http://127.0.0.1:8787';
const REQUEST = {
  code: 'AQBcode',
  redirect_uri: 'https://blocadghaajijcfckkjphjkhmmlcniff.chromiumapp.org/',
  client_id: '990001234567890',
};
const OK = {
  access_token: 'IGAAlong',
  token_type: 'bearer',
  expires_in: 5_184_000,
  user_id: '27640875392278831',
  permissions: ['instagram_business_basic'],
  issued_at: '2026-11-28T12:00:00.000Z',
  long_lived: true,
};

function proxyError(code: string, upstreamMessage?: string, upstreamCode = 400) {
  return {
    error: {
      code,
      message: 'proxy says no',
      ...(upstreamMessage
        ? { upstream: { type: 'OAuthException', code: upstreamCode, message: upstreamMessage } }
        : {}),
    },
  };
}

describe('exchangeCode', () => {
  it('should POST the request once as JSON and return the token', async () => {
    const calls = stubFetch({ '/v1/exchange': () => json(OK) });

    const actual = await exchangeCode(PROXY, REQUEST);

    expect(actual).toEqual(OK);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'POST' });
    expect(JSON.parse(calls[0]!.body ?? '')).toEqual(REQUEST);
  });

  it("should keep the answer, which holds the token, out of the browser's HTTP cache", async () => {
    stubFetch({ '/v1/exchange': () => json(OK) });

    await exchangeCode(PROXY, REQUEST);

    expect(vi.mocked(fetch).mock.calls[0]?.[1]).toMatchObject({ cache: 'no-store' });
  });

  it('should keep a path prefix of the proxy URL', async () => {
    const calls = stubFetch({ '/igproxy/v1/exchange': () => json(OK) });

    await exchangeCode('https://example.com/igproxy', REQUEST);

    expect(calls[0]?.url.href).toBe('https://example.com/igproxy/v1/exchange');
  });

  it.each([
    [
      'a network failure',
      () => Promise.reject(new TypeError('Failed to fetch')),
      'proxy_unreachable',
    ],
    [
      'a redirect URI off the list',
      () => json(proxyError('redirect_uri_not_allowed'), 400),
      'redirect_not_allowed',
    ],
    ['a foreign origin', () => json(proxyError('origin_not_allowed'), 403), 'origin_not_allowed'],
    [
      'a rate limit',
      () => json(proxyError('rate_limited'), 429, { 'Retry-After': '30' }),
      'proxy_rate_limited',
    ],
    [
      'a reused code',
      () =>
        json(proxyError('upstream_error', 'Matching code was not found or was already used'), 502),
      'code_rejected',
    ],
    [
      'an expired code',
      () => json(proxyError('upstream_error', 'This authorization code has expired.'), 502),
      'code_rejected',
    ],
    [
      'a Facebook app id',
      () => json(proxyError('upstream_error', 'Invalid platform app'), 502),
      'invalid_platform_app',
    ],
    [
      'a redirect mismatch',
      () =>
        json(
          proxyError(
            'upstream_error',
            'Error validating verification code. Please make sure your redirect_uri is identical',
          ),
          502,
        ),
      'redirect_mismatch',
    ],
    [
      'a busy Instagram',
      () => json(proxyError('upstream_busy', '(#4) Application request limit reached', 4), 503),
      'instagram_busy',
    ],
    ...[1, 2, 4, 17, 32].map((upstreamCode): [string, FakeRoute, string] => [
      `code ${upstreamCode} from an older proxy`,
      () => json(proxyError('upstream_error', 'Please retry', upstreamCode), 502),
      'instagram_busy',
    ]),
    [
      'another Instagram refusal',
      () => json(proxyError('upstream_error', 'Something odd'), 502),
      'instagram_refused',
    ],
    [
      'an Instagram timeout',
      () => json(proxyError('upstream_timeout'), 504),
      'instagram_unavailable',
    ],
    [
      'a garbled Instagram answer',
      () => json(proxyError('upstream_bad_response'), 502),
      'instagram_unavailable',
    ],
    ['another 4xx', () => json(proxyError('invalid_request'), 400), 'proxy_rejected'],
    ['a 5xx without a body', () => new Response('oops', { status: 500 }), 'proxy_failed'],
    ['a 200 of the wrong shape', () => json({ access_token: 'x' }), 'proxy_failed'],
  ])('should map %s to %s', async (_name, route, code) => {
    stubFetch({ '/v1/exchange': route });

    await expect(exchangeCode(PROXY, REQUEST)).rejects.toMatchObject({ code });
  });

  it('should wait as long as the proxy says after a rate limit', async () => {
    stubFetch({
      '/v1/exchange': () => json(proxyError('rate_limited'), 429, { 'Retry-After': '30' }),
    });

    await expect(exchangeCode(PROXY, REQUEST)).rejects.toMatchObject({ retryAfterMs: 30_000 });
  });

  it('should accept the short-lived answer of a refused long-lived exchange', async () => {
    const shortLived = {
      ...OK,
      expires_in: 3600,
      long_lived: false,
      upstream_error: { type: 'IGApiException', code: 100, message: 'Unsupported request' },
    };
    stubFetch({ '/v1/exchange': () => json(shortLived) });

    await expect(exchangeCode(PROXY, REQUEST)).resolves.toEqual(shortLived);
  });
});

describe('checkProxySetup', () => {
  const CHECK = { client_id: REQUEST.client_id, redirect_uri: REQUEST.redirect_uri };

  it('should POST the client ID and redirect URI and return what the proxy knows', async () => {
    const answer = { client_id_known: true, redirect_uri_allowed: false, origin_allowed: true };
    const calls = stubFetch({ '/v1/setup-check': () => json(answer) });

    await expect(checkProxySetup(PROXY, CHECK)).resolves.toEqual(answer);
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual(CHECK);
  });

  it('should say the proxy is unreachable when it is', async () => {
    stubFetch({});

    await expect(checkProxySetup(PROXY, CHECK)).rejects.toMatchObject({
      code: 'proxy_unreachable',
    });
  });
});
