import { describe, expect, it } from 'vitest';
import { ExchangeResponseSchema } from '../shared/exchange-contract';
import { createProxyApp } from './app';
import { MAX_UPSTREAM_BYTES } from './upstream-fetch';
import {
  FAKE_LONG_TOKEN,
  FAKE_SHORT_TOKEN,
  FAKE_USER_ID,
  fakeInstagram,
  hangingReply,
  jsonText,
  type FakeHandler,
} from '../tests/support/fake-instagram';
import { exchangeBody, postExchange, readError } from '../tests/support/proxy-requests';
import {
  FAKE_GRAPH_BASE,
  FAKE_OAUTH_BASE,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  TEST_REDIRECT_URI,
  testConfig,
} from '../tests/support/proxy-test-config';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const quiet = () => undefined;

function setup(handlers: { code?: FakeHandler; longLived?: FakeHandler } = {}, env = {}) {
  const instagram = fakeInstagram(handlers);
  const app = createProxyApp(testConfig(env), {
    fetch: instagram.fetch,
    log: quiet,
    now: () => NOW,
    // Retry pauses of the long-lived step are not waited for here (see long-lived-retry.test.ts).
    sleep: () => Promise.resolve(),
  });
  return { app, instagram };
}

describe('POST /v1/exchange (success)', () => {
  it('should return the long-lived token with every digit of the user id', async () => {
    const { app } = setup();

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(200);
    const actual = ExchangeResponseSchema.parse(await response.json());
    const expected = {
      access_token: FAKE_LONG_TOKEN,
      token_type: 'bearer',
      expires_in: 5184000,
      user_id: FAKE_USER_ID,
      permissions: ['instagram_business_basic', 'instagram_business_manage_comments'],
      issued_at: NOW.toISOString(),
      long_lived: true,
      flavor: 'instagram',
    };
    expect(actual).toEqual(expected);
  });

  it.each([
    [
      'wrapped',
      `{"data":[{"access_token":"${FAKE_SHORT_TOKEN}","user_id":"${FAKE_USER_ID}","permissions":"instagram_business_basic,instagram_business_content_publish"}]}`,
      ['instagram_business_basic', 'instagram_business_content_publish'],
    ],
    ['legacy', `{"access_token":"${FAKE_SHORT_TOKEN}","user_id":${FAKE_USER_ID}}`, []],
  ])('should accept the %s code-exchange shape', async (_shape, text, expected) => {
    const { app } = setup({ code: () => jsonText(text) });

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(200);
    const actual = ExchangeResponseSchema.parse(await response.json());
    expect(actual.user_id).toBe(FAKE_USER_ID);
    expect(actual.permissions).toEqual(expected);
  });

  it('should send the code without its trailing #_ and the credentials in a form body', async () => {
    const { app, instagram } = setup();

    await postExchange(app, exchangeBody({ code: 'AQBcode123#_' }));

    const [actual] = instagram.codeCalls();
    expect(actual?.method).toBe('POST');
    expect(actual?.url.href).toBe(`${FAKE_OAUTH_BASE}/oauth/access_token`);
    expect(Object.fromEntries(actual?.form ?? [])).toEqual({
      client_id: TEST_CLIENT_ID,
      client_secret: TEST_CLIENT_SECRET,
      grant_type: 'authorization_code',
      redirect_uri: TEST_REDIRECT_URI,
      code: 'AQBcode123',
    });
  });

  it('should exchange the short-lived token for a long-lived one on the Graph host', async () => {
    const { app, instagram } = setup();

    await postExchange(app, exchangeBody());

    const [actual] = instagram.longLivedCalls();
    expect(actual?.method).toBe('GET');
    expect(actual?.url.href.split('?')[0]).toBe(`${FAKE_GRAPH_BASE}/access_token`);
    expect(Object.fromEntries(actual?.url.searchParams ?? [])).toEqual({
      grant_type: 'ig_exchange_token',
      client_secret: TEST_CLIENT_SECRET,
      access_token: FAKE_SHORT_TOKEN,
    });
  });

  it('should normalise a long-lived reply without token_type and with a string expires_in', async () => {
    const { app } = setup({
      longLived: () => jsonText(`{"access_token":"${FAKE_LONG_TOKEN}","expires_in":"5183999"}`),
    });

    const response = await postExchange(app, exchangeBody());

    const actual = ExchangeResponseSchema.parse(await response.json());
    expect([actual.token_type, actual.expires_in]).toEqual(['bearer', 5183999]);
  });

  it('should accept a JSON content type with a charset', async () => {
    const { app } = setup();

    const response = await postExchange(app, exchangeBody(), {
      'Content-Type': 'Application/JSON; charset=utf-8',
    });

    expect(response.status).toBe(200);
  });
});

describe('POST /v1/exchange (refused before any upstream call)', () => {
  it('should refuse a redirect_uri off the allow-list and name the variable to fix', async () => {
    const { app, instagram } = setup();

    const response = await postExchange(
      app,
      exchangeBody({ redirect_uri: 'https://evil.example/callback' }),
    );

    expect(response.status).toBe(400);
    const actual = await readError(response);
    expect(actual.code).toBe('redirect_uri_not_allowed');
    expect(actual.message).toContain('IG_REDIRECT_URIS');
    expect(instagram.calls).toHaveLength(0);
  });

  it('should refuse a redirect_uri that differs only by its trailing slash', async () => {
    const { app, instagram } = setup();

    const response = await postExchange(
      app,
      exchangeBody({ redirect_uri: TEST_REDIRECT_URI.slice(0, -1) }),
    );

    expect((await readError(response)).code).toBe('redirect_uri_not_allowed');
    expect(instagram.calls).toHaveLength(0);
  });

  it.each([
    ['not JSON', '{"code": "abc", '],
    ['an array', '[]'],
    ['null', 'null'],
    ['a missing code', JSON.stringify({ redirect_uri: TEST_REDIRECT_URI })],
    ['a numeric code', JSON.stringify(exchangeBody({ code: 12345 }))],
    ['an empty code', JSON.stringify(exchangeBody({ code: '' }))],
    ['a code that is only #_', JSON.stringify(exchangeBody({ code: '#_' }))],
    ['a code with a space', JSON.stringify(exchangeBody({ code: 'AQB abc' }))],
    ['a code with an inner #', JSON.stringify(exchangeBody({ code: 'AQB#abc' }))],
    ['a code over 2048 characters', JSON.stringify(exchangeBody({ code: 'A'.repeat(2049) }))],
    ['a non-numeric client_id', JSON.stringify(exchangeBody({ client_id: 'abc' }))],
    ['an unknown field', JSON.stringify(exchangeBody({ scope: 'x' }))],
    ['a __proto__ key', `{"code":"abc","redirect_uri":"${TEST_REDIRECT_URI}","__proto__":{"x":1}}`],
    ['an empty body', ''],
  ])('should answer 400 invalid_request to %s', async (_case, body) => {
    const { app, instagram } = setup();

    const response = await postExchange(app, body);

    expect(response.status).toBe(400);
    expect((await readError(response)).code).toBe('invalid_request');
    expect(instagram.calls).toHaveLength(0);
  });

  it('should name the unknown field in the message', async () => {
    const { app } = setup();

    const response = await postExchange(app, exchangeBody({ upstream_url: 'http://x' }));

    expect((await readError(response)).message).toContain('"upstream_url"');
  });

  it.each([
    ['text/plain', { 'Content-Type': 'text/plain' }],
    ['form data', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['json-ish', { 'Content-Type': 'application/jsonp' }],
  ])('should answer 415 unsupported_media_type to %s', async (_case, headers) => {
    const { app, instagram } = setup();

    const response = await postExchange(app, exchangeBody(), headers);

    expect(response.status).toBe(415);
    expect((await readError(response)).code).toBe('unsupported_media_type');
    expect(instagram.calls).toHaveLength(0);
  });

  it('should answer 415 when there is no Content-Type at all', async () => {
    const { app } = setup();

    const response = await app.request('/v1/exchange', {
      method: 'POST',
      body: new Blob([JSON.stringify(exchangeBody())]),
    });

    expect(response.status).toBe(415);
  });

  it('should answer 413 payload_too_large to a body over 8 KiB', async () => {
    const { app, instagram } = setup();

    const response = await postExchange(app, JSON.stringify({ code: 'A'.repeat(8 * 1024) }));

    expect(response.status).toBe(413);
    expect((await readError(response)).code).toBe('payload_too_large');
    expect(instagram.calls).toHaveLength(0);
  });

  it('should answer 413 to an oversized body sent as a stream without Content-Length', async () => {
    const { app } = setup();
    const chunk = new TextEncoder().encode('x'.repeat(4096));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 4; index += 1) controller.enqueue(chunk);
        controller.close();
      },
    });

    // `duplex` is required by Node for a streamed body but missing from the DOM typings.
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: stream,
      duplex: 'half',
    };

    const response = await app.request('/v1/exchange', init);

    expect(response.status).toBe(413);
  });
  it.each([
    ['a Content-Length', { 'Content-Length': '100' }],
    ['chunked transfer', { 'Transfer-Encoding': 'chunked' }],
  ])(
    'should answer 400, not 500, to a body stream that breaks off (%s)',
    async (_case, headers) => {
      const { app, instagram } = setup();
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"code":'));
          controller.error(new Error('connection reset by peer'));
        },
      });
      const init: RequestInit & { duplex: 'half' } = {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: stream,
        duplex: 'half',
      };

      const response = await app.request('/v1/exchange', init);

      expect(response.status).toBe(400);
      expect((await readError(response)).code).toBe('invalid_request');
      expect(instagram.calls).toHaveLength(0);
    },
  );
});

describe('POST /v1/exchange (upstream failures)', () => {
  it('should pass Instagram refusal of the code on as 502 upstream_error', async () => {
    const { app, instagram } = setup({
      code: () =>
        jsonText(
          '{"error_type":"OAuthException","code":400,"error_message":"Matching code was not found or was already used"}',
          400,
        ),
    });

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(502);
    const actual = await readError(response);
    expect(actual.code).toBe('upstream_error');
    expect(actual.upstream).toEqual({
      type: 'OAuthException',
      code: 400,
      message: 'Matching code was not found or was already used',
    });
    expect(instagram.longLivedCalls()).toHaveLength(0);
  });

  it('should call the code exchange exactly once after an upstream 500 and never step 4', async () => {
    const { app, instagram } = setup({
      code: () =>
        jsonText(
          '{"error":{"message":"An unexpected error has occurred. Please retry your request later.","type":"OAuthException","code":2,"is_transient":true,"fbtrace_id":"A_abc"}}',
          500,
        ),
    });

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('60');
    const actual = await readError(response);
    expect(actual.code).toBe('upstream_busy');
    expect(actual.upstream).toEqual({
      type: 'OAuthException',
      code: 2,
      message: 'An unexpected error has occurred. Please retry your request later.',
      fbtrace_id: 'A_abc',
    });
    expect(instagram.codeCalls()).toHaveLength(1);
    expect(instagram.longLivedCalls()).toHaveLength(0);
  });

  it('should map a Graph error of the long-lived exchange with its subcode', async () => {
    const { app } = setup({
      longLived: () =>
        jsonText(
          '{"error":{"message":"Error validating access token: Session has expired on Sunday, 01-Mar-26 03:00:00 PST. The current time is Sunday, 01-Mar-26 04:00:00 PST.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"A_muLgNXB2rhzyBV_3YbJeo"}}',
          400,
        ),
    });

    const response = await postExchange(app, exchangeBody());

    const actual = await readError(response);
    expect(actual.code).toBe('upstream_error');
    expect(actual.upstream).toMatchObject({ code: 190, subcode: 463, type: 'OAuthException' });
  });

  it('should say the proxy credentials are wrong when Instagram answers Invalid platform app', async () => {
    const { app } = setup({
      code: () =>
        jsonText(
          '{"error_type":"OAuthException","code":400,"error_message":"Invalid platform app"}',
          400,
        ),
    });

    const response = await postExchange(app, exchangeBody());

    expect((await readError(response)).message).toContain('IG_CLIENT_SECRET');
  });

  it('should blank the secret and the code out of a message Instagram echoes them in', async () => {
    const { app } = setup({
      code: (call) =>
        jsonText(
          JSON.stringify({
            error_type: 'OAuthException',
            code: 400,
            error_message: `bad ${call.form.get('code') ?? ''} for ${call.form.get('client_secret') ?? ''}`,
          }),
          400,
        ),
    });

    const response = await postExchange(app, exchangeBody({ code: 'AQBsecretcode' }));

    const text = await response.text();
    expect(text).not.toContain('AQBsecretcode');
    expect(text).not.toContain(TEST_CLIENT_SECRET);
    expect(text).toContain('[redacted]');
  });

  it.each([
    ['an HTML page', () => new Response('<html><body>Oops</body></html>', { status: 200 })],
    ['the wrong JSON shape', () => jsonText('{"unexpected":true}')],
    ['an empty 200', () => new Response(null, { status: 200 })],
    ['a redirect', () => new Response(null, { status: 302, headers: { Location: '/x' } })],
    ['an HTML 502 from a gateway', () => new Response('<html>Bad gateway</html>', { status: 502 })],
    [
      'a reply over the size cap',
      () => jsonText(`{"access_token":"${'A'.repeat(MAX_UPSTREAM_BYTES)}","user_id":1}`),
    ],
  ])('should answer 502 upstream_bad_response to %s', async (_case, code) => {
    const { app, instagram } = setup({ code });

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(502);
    expect((await readError(response)).code).toBe('upstream_bad_response');
    expect(instagram.longLivedCalls()).toHaveLength(0);
  });

  it('should answer 502 upstream_bad_response when the long-lived token is not a bearer token', async () => {
    const { app } = setup({
      longLived: () =>
        jsonText(`{"access_token":"${FAKE_LONG_TOKEN}","token_type":"mac","expires_in":5184000}`),
    });

    const response = await postExchange(app, exchangeBody());

    expect((await readError(response)).code).toBe('upstream_bad_response');
  });

  it('should answer 504 upstream_timeout and abort the upstream call', async () => {
    const { app, instagram } = setup({ code: hangingReply }, { PROXY_UPSTREAM_TIMEOUT_MS: '20' });

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(504);
    expect((await readError(response)).code).toBe('upstream_timeout');
    expect(instagram.codeCalls()[0]?.signal?.aborted).toBe(true);
    expect(instagram.longLivedCalls()).toHaveLength(0);
  });

  it('should answer the short-lived token, not 504, when the long-lived exchange keeps hanging', async () => {
    const { app, instagram } = setup(
      { longLived: hangingReply },
      { PROXY_UPSTREAM_TIMEOUT_MS: '20' },
    );

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(200);
    const actual = ExchangeResponseSchema.parse(await response.json());
    expect([actual.access_token, actual.long_lived]).toEqual([FAKE_SHORT_TOKEN, false]);
    expect(instagram.codeCalls()).toHaveLength(1);
  });

  it('should answer 502 upstream_error without upstream details when Instagram is unreachable', async () => {
    const { app } = setup({
      code: () => Promise.reject(new TypeError('fetch failed')),
    });

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(502);
    const actual = await readError(response);
    expect(actual.code).toBe('upstream_error');
    expect(actual.upstream).toBeUndefined();
  });
});
