import { describe, expect, it } from 'vitest';
import { SETUP_CHECK_PATH, SetupCheckResponseSchema } from '../shared/exchange-contract';
import { createProxyApp } from './app';
import { fakeInstagram } from '../tests/support/fake-instagram';
import {
  postSetupCheck,
  proxyWithFakeInstagram,
  readError,
  setupCheckBody,
} from '../tests/support/proxy-requests';
import {
  TEST_CLIENT_SECRET,
  TEST_ORIGIN,
  TEST_REDIRECT_URI,
  testConfig,
} from '../tests/support/proxy-test-config';

const FIREFOX_ORIGIN = 'moz-extension://4b1c2d3e-5f60-4718-9a2b-3c4d5e6f7a8b';
const FIREFOX_REDIRECT = 'https://0123456789abcdef0123456789abcdef01234567.extensions.allizom.org/';

async function readCheck(response: Response) {
  return SetupCheckResponseSchema.parse(await response.json());
}

describe('POST /v1/setup-check', () => {
  it('should confirm a known app, an allowed redirect URI and a request without Origin', async () => {
    const { app, instagram } = proxyWithFakeInstagram();

    const response = await postSetupCheck(app, setupCheckBody());

    expect(response.status).toBe(200);
    expect(await readCheck(response)).toEqual({
      client_id_known: true,
      redirect_uri_allowed: true,
      origin_allowed: true,
      flavor: 'instagram',
    });
    expect(instagram.calls).toHaveLength(0);
  });

  it('should report an unknown client_id, and no redirect URI for it', async () => {
    const { app } = proxyWithFakeInstagram();

    const response = await postSetupCheck(app, setupCheckBody({ client_id: '1234' }));

    expect(await readCheck(response)).toEqual({
      client_id_known: false,
      redirect_uri_allowed: false,
      origin_allowed: true,
    });
  });

  it.each([
    ['without its trailing slash', TEST_REDIRECT_URI.slice(0, -1)],
    ['in upper case', TEST_REDIRECT_URI.toUpperCase()],
    ['with #_', `${TEST_REDIRECT_URI}#_`],
    ['of another site', 'https://attacker.example/'],
  ])('should report a redirect URI %s as not allowed', async (_case, redirectUri) => {
    const { app } = proxyWithFakeInstagram();

    const response = await postSetupCheck(app, setupCheckBody({ redirect_uri: redirectUri }));

    expect(await readCheck(response)).toMatchObject({
      client_id_known: true,
      redirect_uri_allowed: false,
    });
  });

  it('should check the redirect URI against the named app of several', async () => {
    const apps = {
      apps: [
        { client_id: '1111', client_secret: 'secret-one-aaaa', redirect_uris: [TEST_REDIRECT_URI] },
        { client_id: '2222', client_secret: 'secret-two-bbbb', redirect_uris: [FIREFOX_REDIRECT] },
      ],
    };
    const app = createProxyApp(
      testConfig({
        IG_CLIENT_ID: undefined,
        IG_CLIENT_SECRET: undefined,
        IG_REDIRECT_URIS: undefined,
        PROXY_CONFIG: JSON.stringify(apps),
      }),
      { fetch: fakeInstagram().fetch, log: () => undefined },
    );
    const check = async (clientId: string, redirectUri: string) =>
      (
        await readCheck(
          await postSetupCheck(app, { client_id: clientId, redirect_uri: redirectUri }),
        )
      ).redirect_uri_allowed;

    const actual = [
      await check('1111', TEST_REDIRECT_URI),
      await check('1111', FIREFOX_REDIRECT),
      await check('2222', FIREFOX_REDIRECT),
      await check('2222', TEST_REDIRECT_URI),
    ];

    expect(actual).toEqual([true, false, true, false]);
  });

  it.each([TEST_ORIGIN, FIREFOX_ORIGIN])(
    'should report Origin %s as allowed and answer it with CORS headers',
    async (origin) => {
      const { app } = proxyWithFakeInstagram();

      const response = await postSetupCheck(app, setupCheckBody(), { Origin: origin });

      expect(response.status).toBe(200);
      expect((await readCheck(response)).origin_allowed).toBe(true);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    },
  );

  it.each(['https://evil.example', 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'null'])(
    'should answer 200 origin_allowed false, without CORS headers, to Origin %j',
    async (origin) => {
      const { app } = proxyWithFakeInstagram();

      const response = await postSetupCheck(app, setupCheckBody(), { Origin: origin });

      expect(response.status).toBe(200);
      expect(await readCheck(response)).toEqual({
        client_id_known: true,
        redirect_uri_allowed: true,
        origin_allowed: false,
        flavor: 'instagram',
      });
      expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    },
  );

  it('should report a Firefox origin as not allowed when moz-extension://* is not listed', async () => {
    const { app } = proxyWithFakeInstagram({}, { PROXY_ALLOWED_ORIGINS: TEST_ORIGIN });

    const response = await postSetupCheck(app, setupCheckBody(), { Origin: FIREFOX_ORIGIN });

    expect((await readCheck(response)).origin_allowed).toBe(false);
  });

  it('should still refuse a foreign preflight with 403', async () => {
    const { app } = proxyWithFakeInstagram();

    const response = await app.request(SETUP_CHECK_PATH, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });

    expect(response.status).toBe(403);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('should answer an allowed preflight', async () => {
    const { app } = proxyWithFakeInstagram();

    const response = await app.request(SETUP_CHECK_PATH, {
      method: 'OPTIONS',
      headers: { Origin: TEST_ORIGIN, 'Access-Control-Request-Method': 'POST' },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(TEST_ORIGIN);
  });

  it('should never put the secret in the answer', async () => {
    const { app } = proxyWithFakeInstagram();

    const response = await postSetupCheck(app, setupCheckBody());

    expect(await response.text()).not.toContain(TEST_CLIENT_SECRET);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });

  it.each([
    ['not JSON', '{"client_id":'],
    ['a missing client_id', JSON.stringify({ redirect_uri: TEST_REDIRECT_URI })],
    ['a missing redirect_uri', JSON.stringify({ client_id: '1' })],
    ['a non-numeric client_id', JSON.stringify(setupCheckBody({ client_id: 'my-app' }))],
    ['an empty redirect_uri', JSON.stringify(setupCheckBody({ redirect_uri: '' }))],
    ['an unknown field', JSON.stringify(setupCheckBody({ code: 'AQB' }))],
    ['a __proto__ key', `{"client_id":"1","redirect_uri":"x","__proto__":{"x":1}}`],
    ['an array', '[]'],
  ])('should answer 400 invalid_request to %s', async (_case, body) => {
    const { app } = proxyWithFakeInstagram();

    const response = await postSetupCheck(app, body);

    expect(response.status).toBe(400);
    const actual = await readError(response);
    expect(actual.code).toBe('invalid_request');
    expect(actual.message).toContain('{"client_id": string, "redirect_uri": string}');
  });

  it('should answer 415 to a body that is not JSON by its content type', async () => {
    const { app } = proxyWithFakeInstagram();

    const response = await postSetupCheck(app, setupCheckBody(), { 'Content-Type': 'text/plain' });

    expect(response.status).toBe(415);
    expect((await readError(response)).code).toBe('unsupported_media_type');
  });

  it('should answer 413 to a body over 8 KiB', async () => {
    const { app } = proxyWithFakeInstagram();

    const response = await postSetupCheck(app, setupCheckBody({ redirect_uri: 'x'.repeat(9000) }));

    expect(response.status).toBe(413);
    expect((await readError(response)).code).toBe('payload_too_large');
  });

  it.each(['GET', 'PUT', 'DELETE'])('should answer %s with 405 and Allow: POST', async (method) => {
    const { app } = proxyWithFakeInstagram();

    const response = await app.request(SETUP_CHECK_PATH, { method });

    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('POST');
    expect((await readError(response)).code).toBe('method_not_allowed');
  });

  it('should share the rate limit of the exchange', async () => {
    const { app } = proxyWithFakeInstagram(
      {},
      { PROXY_RATE_LIMIT: '2' },
      { clientIp: () => '203.0.113.7' },
    );

    const statuses = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push((await postSetupCheck(app, setupCheckBody())).status);
    }

    expect(statuses).toEqual([200, 200, 429]);
  });

  it('should be named in the 404 message', async () => {
    const { app } = proxyWithFakeInstagram();

    const response = await app.request('/v1/setup');

    expect((await readError(response)).message).toContain(`POST ${SETUP_CHECK_PATH}`);
  });
});
