import { describe, expect, it } from 'vitest';
import {
  ExchangeResponseSchema,
  ProxyErrorBodySchema,
  SHORT_LIVED_SECONDS,
} from '../shared/exchange-contract';
import type { ConfigEnv } from './config';
import {
  CLIENT_ID,
  FB_APP_ID,
  REDIRECT_URI,
  SANDBOX_FB_USER_ID,
  exchangeOver,
  facebookAuthorizationCode,
  useProxyAgainstSandbox,
} from '../tests/support/sandbox-stack';

/** Real HTTP on loopback, with several upstream calls per case: room for a loaded machine. */
const TIMEOUT_MS = 60_000;

describe('proxy against the sandbox: Facebook Login exchange', { timeout: TIMEOUT_MS }, () => {
  const stack = useProxyAgainstSandbox(TIMEOUT_MS, {
    // Retry pauses of 0 ms: no case may depend on the machine's speed.
    sleep: () => Promise.resolve(),
  });
  const start = (env?: ConfigEnv) => stack.start(env);

  async function exchangeFacebook(url: string, code: string, extra: Record<string, unknown> = {}) {
    return exchangeOver(url, {
      code: `${code}#_=_`,
      redirect_uri: REDIRECT_URI,
      flavor: 'facebook',
      ...extra,
    });
  }

  async function errorOf(response: Response) {
    return ProxyErrorBodySchema.parse(await response.json()).error;
  }

  it('should redeem the code, extend the token and name the user from debug_token', async () => {
    const url = await start();
    const code = await facebookAuthorizationCode(stack.sandbox.url, stack.control);

    const response = await exchangeFacebook(url, code);

    expect(response.status).toBe(200);
    const actual = ExchangeResponseSchema.parse(await response.json());
    expect(actual).toMatchObject({
      token_type: 'bearer',
      expires_in: 5184000,
      user_id: SANDBOX_FB_USER_ID,
      permissions: ['pages_show_list', 'instagram_basic', 'business_management'],
      long_lived: true,
      flavor: 'facebook',
    });
    expect(actual.access_token).toMatch(/^EAA/);
    const issuedAt = Date.parse(actual.issued_at) / 1000;
    expect(actual.data_access_expires_at).toBeGreaterThan(issuedAt + 89 * 86400);
    const calls = await stack.control.calls();
    expect([
      calls['facebook/oauth/access_token'],
      calls['facebook/fb_exchange_token'],
      calls['facebook/debug_token'],
    ]).toEqual([1, 1, 1]);
  });

  it('should forward the PKCE verifier and pick the app by client_id', async () => {
    const url = await start();
    const verifier = 'proxy-fb-verifier-0123456789-abcdefghijklmnopqrstuvwxyz';
    const code = await facebookAuthorizationCode(stack.sandbox.url, stack.control, {
      codeVerifier: verifier,
    });

    const response = await exchangeFacebook(url, code, {
      client_id: FB_APP_ID,
      code_verifier: verifier,
    });

    expect(response.status).toBe(200);
  });

  it('should hand out the short-lived token when the long-lived exchange keeps failing', async () => {
    const url = await start();
    await stack.control.failNext('facebook/fb_exchange_token', 'server_error', 20);
    const code = await facebookAuthorizationCode(stack.sandbox.url, stack.control);

    const response = await exchangeFacebook(url, code);

    expect(response.status).toBe(200);
    const actual = ExchangeResponseSchema.parse(await response.json());
    expect(actual).toMatchObject({
      long_lived: false,
      flavor: 'facebook',
      user_id: SANDBOX_FB_USER_ID,
      upstream_error: { code: 2 },
    });
    expect(actual.expires_in).toBeGreaterThan(SHORT_LIVED_SECONDS);
    expect(actual.expires_in).toBeLessThanOrEqual(7200);
    expect((await stack.control.calls())['facebook/fb_exchange_token']).toBe(6);
  });

  it.each([
    ['instagram', { flavor: 'facebook' }, 'an Instagram Login app'],
    ['facebook', {}, 'a Facebook Login app'],
  ] as const)(
    'should refuse a request whose flavor does not match the %s app with 400 invalid_request',
    async (appFlavor, extra, named) => {
      const url = await start();

      const response = await exchangeOver(url, {
        code: 'AQcode',
        redirect_uri: REDIRECT_URI,
        client_id: appFlavor === 'instagram' ? CLIENT_ID : FB_APP_ID,
        ...extra,
      });

      expect(response.status).toBe(400);
      const actual = await errorOf(response);
      expect(actual.code).toBe('invalid_request');
      expect(actual.message).toContain(named);
      expect((await stack.control.calls())['facebook/oauth/access_token']).toBe(0);
    },
  );

  describe('Facebook errors, mapped', () => {
    it.each([
      ['used', 36009],
      ['expired', 36007],
    ] as const)(
      'should answer a %s code with 502 upstream_error, 100/%i',
      async (problem, subcode) => {
        const url = await start();
        const code = await facebookAuthorizationCode(stack.sandbox.url, stack.control);
        if (problem === 'used') await exchangeFacebook(url, code);
        if (problem === 'expired') await stack.control.advanceClock(11 * 60);

        const response = await exchangeFacebook(url, code);

        expect(response.status).toBe(502);
        const actual = await errorOf(response);
        expect(actual.code).toBe('upstream_error');
        expect(actual.upstream).toMatchObject({ type: 'OAuthException', code: 100, subcode });
      },
    );

    it('should answer a redirect mismatch behind the allow-list with 502, 100/36008', async () => {
      const other = 'https://other.example/';
      const url = await start({ IG_REDIRECT_URIS: `${REDIRECT_URI},${other}` });
      await stack.control.configure({ redirectUris: [REDIRECT_URI, other] });
      const code = await facebookAuthorizationCode(stack.sandbox.url, stack.control);

      const response = await exchangeOver(url, { code, redirect_uri: other, flavor: 'facebook' });

      expect(response.status).toBe(502);
      expect((await errorOf(response)).upstream).toMatchObject({ code: 100, subcode: 36008 });
    });

    it('should blame the credentials for a wrong secret (code 1) and an unknown app id (101)', async () => {
      const wrongSecret = await start({ FB_APP_SECRET: 'not-the-sandbox-secret' });
      const secretReply = await exchangeFacebook(
        wrongSecret,
        await facebookAuthorizationCode(stack.sandbox.url, stack.control),
      );
      const wrongApp = await start({ FB_APP_ID: '480009999999999' });
      const appReply = await exchangeFacebook(
        wrongApp,
        await facebookAuthorizationCode(stack.sandbox.url, stack.control),
      );

      for (const [reply, code] of [
        [secretReply, 1],
        [appReply, 101],
      ] as const) {
        expect(reply.status).toBe(502);
        const actual = await errorOf(reply);
        expect(actual.code).toBe('upstream_error');
        expect(actual.message).toContain('FB_APP_ID and FB_APP_SECRET');
        expect(actual.upstream?.code).toBe(code);
      }
    });

    it.each([
      ['graph_error', 1, undefined],
      ['server_error', 2, undefined],
      ['rate_limit', 4, 120],
      ['rate_limit', 17, 90],
    ] as const)(
      'should answer %s code %i on the code exchange with 503 upstream_busy and Retry-After',
      async (mode, code, retryAfterSeconds) => {
        const url = await start();
        const authCode = await facebookAuthorizationCode(stack.sandbox.url, stack.control);
        await stack.control.failNext('facebook/oauth/access_token', mode, 1, {
          code,
          ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
        });

        const response = await exchangeFacebook(url, authCode);

        expect(response.status).toBe(503);
        expect(response.headers.get('Retry-After')).toBe(String(retryAfterSeconds ?? 60));
        const actual = await errorOf(response);
        expect(actual.code).toBe('upstream_busy');
        expect(actual.message).toMatch(/^Facebook is busy; try again in a minute\./);
        expect(actual.upstream?.code).toBe(code);
        expect((await stack.control.calls())['facebook/oauth/access_token']).toBe(1);
      },
    );

    it('should pass 100/33 on as 502 upstream_error with its subcode', async () => {
      const url = await start();
      const code = await facebookAuthorizationCode(stack.sandbox.url, stack.control);
      await stack.control.failNext('facebook/oauth/access_token', 'graph_error', 1, {
        code: 100,
        subcode: 33,
      });

      const response = await exchangeFacebook(url, code);

      expect(response.status).toBe(502);
      expect((await errorOf(response)).upstream).toMatchObject({ code: 100, subcode: 33 });
    });

    it.each([458, 459, 460, 463, 464, 467])(
      'should end the request with 502 upstream_error when fb_exchange_token says 190/%i',
      async (subcode) => {
        const url = await start();
        const code = await facebookAuthorizationCode(stack.sandbox.url, stack.control);
        await stack.control.failNext('facebook/fb_exchange_token', 'graph_error', 1, {
          code: 190,
          subcode,
        });

        const response = await exchangeFacebook(url, code);

        expect(response.status).toBe(502);
        const actual = await errorOf(response);
        expect(actual.code).toBe('upstream_error');
        expect(actual.upstream).toMatchObject({ type: 'OAuthException', code: 190, subcode });
        const calls = await stack.control.calls();
        expect([calls['facebook/fb_exchange_token'], calls['facebook/debug_token']]).toEqual([
          1, 0,
        ]);
      },
    );
  });
});
