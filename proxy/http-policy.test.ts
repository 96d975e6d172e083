import { describe, expect, it } from 'vitest';
import { EXCHANGE_PATH, HEALTH_PATH } from '../shared/exchange-contract';
import { createProxyApp, type ProxyDeps } from './app';
import { fakeInstagram, hangingReply, jsonText } from '../tests/support/fake-instagram';
import { exchangeBody, postExchange, readError } from '../tests/support/proxy-requests';
import { TEST_ORIGIN, testConfig } from '../tests/support/proxy-test-config';

const FIREFOX_ORIGIN = 'moz-extension://4b1c2d3e-5f60-4718-9a2b-3c4d5e6f7a8b';

function setup(env = {}, deps: ProxyDeps = {}) {
  const instagram = fakeInstagram();
  const app = createProxyApp(testConfig(env), {
    fetch: instagram.fetch,
    log: () => undefined,
    ...deps,
  });
  return { app, instagram };
}

describe('GET /healthz', () => {
  it('should answer ok without calling Instagram', async () => {
    const { app, instagram } = setup();

    const response = await app.request(HEALTH_PATH);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(instagram.calls).toHaveLength(0);
  });

  it('should answer HEAD like GET', async () => {
    const { app } = setup();

    const response = await app.request(HEALTH_PATH, { method: 'HEAD' });

    expect(response.status).toBe(200);
  });
});

describe('routing errors', () => {
  it('should answer 404 not_found as JSON for an unknown path', async () => {
    const { app } = setup();

    const response = await app.request('/v1/exchange/extra');

    expect(response.status).toBe(404);
    expect((await readError(response)).code).toBe('not_found');
  });

  it.each([
    ['GET', EXCHANGE_PATH, 'POST'],
    ['PUT', EXCHANGE_PATH, 'POST'],
    ['DELETE', HEALTH_PATH, 'GET'],
    ['POST', HEALTH_PATH, 'GET'],
  ])('should answer %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const { app } = setup();

    const response = await app.request(path, { method });

    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe(allow);
    expect((await readError(response)).code).toBe('method_not_allowed');
  });

  it('should answer 500 internal_error as plain JSON, without the error text, when a bug throws', async () => {
    const { app } = setup(
      {},
      {
        now: () => {
          throw new Error('clock exploded at secret/location.ts:12');
        },
      },
    );

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('exploded');
    expect(text).not.toContain('.ts:');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'internal_error' } });
  });
});

describe('CORS and origins', () => {
  it('should echo an allowed Chrome origin exactly, with Vary: Origin', async () => {
    const { app } = setup();

    const response = await postExchange(app, exchangeBody(), { Origin: TEST_ORIGIN });

    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(TEST_ORIGIN);
    expect(response.headers.get('Vary')).toContain('Origin');
  });

  it('should echo the origin on error answers too, so the extension can read them', async () => {
    const { app } = setup();

    const response = await postExchange(app, exchangeBody({ redirect_uri: 'https://x.test/' }), {
      Origin: TEST_ORIGIN,
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(TEST_ORIGIN);
  });

  it('should allow any Firefox extension origin when moz-extension://* is listed', async () => {
    const { app } = setup();

    const response = await postExchange(app, exchangeBody(), { Origin: FIREFOX_ORIGIN });

    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(FIREFOX_ORIGIN);
  });

  it('should refuse Firefox origins when moz-extension://* is not listed', async () => {
    const { app } = setup({ PROXY_ALLOWED_ORIGINS: TEST_ORIGIN });

    const response = await postExchange(app, exchangeBody(), { Origin: FIREFOX_ORIGIN });

    expect(response.status).toBe(403);
  });

  it.each([
    'https://evil.example',
    'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    `${TEST_ORIGIN}.evil.example`,
    'null',
    '',
  ])('should answer 403 origin_not_allowed to Origin %j without CORS headers', async (origin) => {
    const { app, instagram } = setup();

    const response = await postExchange(app, exchangeBody(), { Origin: origin });

    expect(response.status).toBe(403);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const actual = await readError(response);
    expect(actual.code).toBe('origin_not_allowed');
    expect(actual.message).toContain('PROXY_ALLOWED_ORIGINS');
    expect(instagram.calls).toHaveLength(0);
  });

  it('should allow a request without Origin and send no Access-Control-Allow-Origin', async () => {
    const { app } = setup();

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('should answer a foreign preflight with 403 and no CORS headers', async () => {
    const { app } = setup();

    const response = await app.request(EXCHANGE_PATH, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });

    expect(response.status).toBe(403);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(response.headers.get('Access-Control-Allow-Methods')).toBeNull();
  });
});

describe('rate limit', () => {
  it('should answer 429 rate_limited with Retry-After once a client exceeds the limit', async () => {
    const { app } = setup({ PROXY_RATE_LIMIT: '2' }, { clientIp: () => '203.0.113.7' });

    const statuses = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push((await postExchange(app, exchangeBody())).status);
    }
    const limited = await postExchange(app, exchangeBody());

    expect(statuses).toEqual([200, 200, 429]);
    expect((await readError(limited)).code).toBe('rate_limited');
    const retryAfter = Number(limited.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('should count each client address separately', async () => {
    let ip = '203.0.113.7';
    const { app } = setup({ PROXY_RATE_LIMIT: '1' }, { clientIp: () => ip });
    await app.request('/nowhere');

    const sameClient = await app.request('/nowhere');
    ip = '198.51.100.9';
    const otherClient = await app.request('/nowhere');

    expect([sameClient.status, otherClient.status]).toEqual([429, 404]);
  });

  it('should never limit /healthz', async () => {
    const { app } = setup({ PROXY_RATE_LIMIT: '1' }, { clientIp: () => '203.0.113.7' });

    const statuses = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push((await app.request(HEALTH_PATH)).status);
    }

    expect(statuses).toEqual([200, 200, 200]);
  });
});

describe('Cache-Control', () => {
  const cases: [string, (app: ReturnType<typeof setup>['app']) => Promise<Response>][] = [
    ['a health check', async (app) => app.request(HEALTH_PATH)],
    ['a token reply', (app) => postExchange(app, exchangeBody())],
    ['a 400', (app) => postExchange(app, '{')],
    ['a 403', (app) => postExchange(app, exchangeBody(), { Origin: 'https://evil.example' })],
    ['a 404', async (app) => app.request('/nope')],
    ['a 405', async (app) => app.request(EXCHANGE_PATH)],
    ['a 413', (app) => postExchange(app, 'x'.repeat(9000))],
    ['a 415', (app) => postExchange(app, '{}', { 'Content-Type': 'text/plain' })],
    [
      'a preflight',
      async (app) =>
        app.request(EXCHANGE_PATH, {
          method: 'OPTIONS',
          headers: { Origin: TEST_ORIGIN, 'Access-Control-Request-Method': 'POST' },
        }),
    ],
  ];

  it.each(cases)('should mark %s no-store', async (_case, send) => {
    const { app } = setup();

    const response = await send(app);

    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('Pragma')).toBe('no-cache');
  });

  it('should mark a 429, a 502 and a 504 no-store', async () => {
    const limitedApp = setup({ PROXY_RATE_LIMIT: '1' }).app;
    await limitedApp.request('/nope');
    const badGateway = createProxyApp(testConfig(), {
      fetch: fakeInstagram({ code: () => jsonText('{"unexpected":true}') }).fetch,
      log: () => undefined,
    });
    const slow = createProxyApp(testConfig({ PROXY_UPSTREAM_TIMEOUT_MS: '10' }), {
      fetch: fakeInstagram({ code: hangingReply }).fetch,
      log: () => undefined,
    });

    const responses = [
      await limitedApp.request('/nope'),
      await postExchange(badGateway, exchangeBody()),
      await postExchange(slow, exchangeBody()),
    ];

    expect(responses.map((response) => response.status)).toEqual([429, 502, 504]);
    expect(responses.map((response) => response.headers.get('Cache-Control'))).toEqual([
      'no-store',
      'no-store',
      'no-store',
    ]);
  });
});
