import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ExchangeResponseSchema,
  ProxyErrorBodySchema,
  SHORT_LIVED_SECONDS,
} from '../shared/exchange-contract';
import { parseJsonKeepingIds } from '../shared/instagram-responses';
import type { ConfigEnv } from './config';
import type { RunningProxy, StartProxyOptions } from './server';
import {
  REDIRECT_URI,
  type RunningSandbox,
  type SandboxControl,
  SANDBOX_APP_SCOPED_ID,
  SANDBOX_USER_ID,
  authorizationCode,
  exchangeOver,
  startProxyFor,
  startTestSandbox,
} from '../tests/support/sandbox-stack';

describe('proxy against the Instagram sandbox', () => {
  let sandbox: RunningSandbox;
  let control: SandboxControl;
  let proxy: RunningProxy | undefined;

  beforeAll(async () => {
    ({ sandbox, control } = await startTestSandbox());
  });
  afterAll(async () => {
    await sandbox.close();
  });
  beforeEach(async () => {
    await control.reset();
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  async function start(env: ConfigEnv = {}, options: StartProxyOptions = {}) {
    proxy = await startProxyFor(sandbox.url, env, options);
    return proxy.url;
  }

  async function errorOf(response: Response) {
    return ProxyErrorBodySchema.parse(await response.json()).error;
  }

  describe('happy path', () => {
    it.each([
      ['flat', ['instagram_business_basic', 'instagram_business_manage_comments']],
      ['wrapped', ['instagram_business_basic', 'instagram_business_manage_comments']],
      ['legacy', []],
    ] as const)(
      'should exchange a code for a 60-day token (%s shape)',
      async (shape, permissions) => {
        const url = await start();
        await control.configure({ codeExchangeShape: shape });
        const code = await authorizationCode(sandbox.url, control);

        const response = await exchangeOver(url, { code: `${code}#_`, redirect_uri: REDIRECT_URI });

        expect(response.status).toBe(200);
        const actual = ExchangeResponseSchema.parse(await response.json());
        // The code exchange names the app-scoped id, not the account id (docs/instagram-contract.md §5.3).
        expect(actual.user_id).toBe(SANDBOX_APP_SCOPED_ID);
        expect(actual.long_lived).toBe(true);
        expect(actual.expires_in).toBe(5184000);
        expect(actual.token_type).toBe('bearer');
        expect(actual.permissions).toEqual(permissions);
        expect(new Date(actual.issued_at).toISOString()).toBe(actual.issued_at);
        expect(actual.access_token).toMatch(/^IGAA[A-Za-z0-9]+$/);
        const calls = await control.calls();
        expect([calls['oauth/access_token'], calls.access_token]).toEqual([1, 1]);
      },
    );

    it('should hand out a long-lived token Instagram accepts for /me', async () => {
      const url = await start();
      const code = await authorizationCode(sandbox.url, control);
      const exchanged = ExchangeResponseSchema.parse(
        await (await exchangeOver(url, { code, redirect_uri: REDIRECT_URI })).json(),
      );

      const me = await fetch(`${sandbox.url}/me?fields=user_id`, {
        headers: { Authorization: `Bearer ${exchanged.access_token}` },
      });

      expect(parseJsonKeepingIds(await me.text())).toEqual({ user_id: SANDBOX_USER_ID });
    });

    it('should default token_type to bearer when Instagram omits it', async () => {
      const url = await start();
      await control.configure({ omitTokenType: true });
      const code = await authorizationCode(sandbox.url, control);

      const response = await exchangeOver(url, { code, redirect_uri: REDIRECT_URI });

      expect(ExchangeResponseSchema.parse(await response.json()).token_type).toBe('bearer');
    });
  });

  describe('codes Instagram refuses', () => {
    it('should answer 502 upstream_error with Instagram message to a reused code', async () => {
      const url = await start();
      const code = await authorizationCode(sandbox.url, control);
      await exchangeOver(url, { code, redirect_uri: REDIRECT_URI });

      const response = await exchangeOver(url, { code, redirect_uri: REDIRECT_URI });

      expect(response.status).toBe(502);
      const actual = await errorOf(response);
      expect(actual.code).toBe('upstream_error');
      expect(actual.upstream?.message).toBe('Matching code was not found or was already used');
    });

    it('should answer 502 upstream_error to a code older than one hour', async () => {
      const url = await start();
      const code = await authorizationCode(sandbox.url, control);
      await control.advanceClock(3601);

      const response = await exchangeOver(url, { code, redirect_uri: REDIRECT_URI });

      expect((await errorOf(response)).code).toBe('upstream_error');
    });

    it('should pass on the redirect mismatch Instagram reports for an allowed but different URI', async () => {
      const other = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
      const url = await start({ IG_REDIRECT_URIS: `${REDIRECT_URI},${other}` });
      const code = await authorizationCode(sandbox.url, control);

      const response = await exchangeOver(url, { code, redirect_uri: other });

      expect((await errorOf(response)).upstream?.message).toContain('redirect_uri is identical');
    });

    it('should tell the operator to check the credentials when the secret is wrong', async () => {
      const url = await start({ IG_CLIENT_SECRET: 'not-the-sandbox-secret' });
      const code = await authorizationCode(sandbox.url, control);

      const response = await exchangeOver(url, { code, redirect_uri: REDIRECT_URI });

      const actual = await errorOf(response);
      expect(actual.upstream?.message).toBe('Invalid platform app');
      expect(actual.message).toContain('IG_CLIENT_SECRET');
    });
  });

  describe('Instagram failures', () => {
    it('should answer 503 upstream_busy after an upstream 500 and never retry the code exchange', async () => {
      const url = await start();
      const code = await authorizationCode(sandbox.url, control);
      await control.failNext('oauth/access_token', 'server_error');

      const response = await exchangeOver(url, { code, redirect_uri: REDIRECT_URI });

      expect(response.status).toBe(503);
      expect(response.headers.get('Retry-After')).toBe('60');
      const actual = await errorOf(response);
      expect(actual.code).toBe('upstream_busy');
      expect(actual.upstream?.code).toBe(2);
      const calls = await control.calls();
      expect([calls['oauth/access_token'], calls.access_token]).toEqual([1, 0]);
    });

    it('should answer 504 upstream_timeout when the code exchange hangs, and not retry it', async () => {
      const url = await start({ PROXY_UPSTREAM_TIMEOUT_MS: '300' });
      const code = await authorizationCode(sandbox.url, control);
      await control.failNext('oauth/access_token', 'timeout');

      const response = await exchangeOver(url, { code, redirect_uri: REDIRECT_URI });

      expect(response.status).toBe(504);
      expect((await errorOf(response)).code).toBe('upstream_timeout');
      const calls = await control.calls();
      expect([calls['oauth/access_token'], calls.access_token]).toEqual([1, 0]);
    });

    it.each(['timeout', 'server_error'] as const)(
      'should retry the long-lived exchange after a %s and answer the 60-day token',
      async (mode) => {
        const url = await start({ PROXY_UPSTREAM_TIMEOUT_MS: '300' });
        const code = await authorizationCode(sandbox.url, control);
        await control.failNext('access_token', mode);

        const response = await exchangeOver(url, { code, redirect_uri: REDIRECT_URI });

        expect(response.status).toBe(200);
        const actual = ExchangeResponseSchema.parse(await response.json());
        expect([actual.long_lived, actual.expires_in]).toEqual([true, 5184000]);
        const calls = await control.calls();
        expect([calls['oauth/access_token'], calls.access_token]).toEqual([1, 2]);
      },
    );

    it.each(['garbage', 'bad_shape'] as const)(
      'should answer 502 upstream_bad_response when the code exchange sends %s',
      async (mode) => {
        const url = await start();
        const code = await authorizationCode(sandbox.url, control);
        await control.failNext('oauth/access_token', mode);

        const response = await exchangeOver(url, { code, redirect_uri: REDIRECT_URI });

        expect(response.status).toBe(502);
        expect((await errorOf(response)).code).toBe('upstream_bad_response');
      },
    );

    it.each(['garbage', 'bad_shape'] as const)(
      'should hand out the short-lived token when the long-lived exchange sends %s',
      async (mode) => {
        const url = await start();
        const code = await authorizationCode(sandbox.url, control);
        await control.failNext('access_token', mode);

        const response = await exchangeOver(url, { code, redirect_uri: REDIRECT_URI });

        // The code is spent by then; the short-lived token still works for an hour.
        expect(response.status).toBe(200);
        const actual = ExchangeResponseSchema.parse(await response.json());
        expect(actual.long_lived).toBe(false);
        expect((await control.calls())['oauth/access_token']).toBe(1);
      },
    );

    it.each([4, 80002] as const)(
      'should answer Instagram rate limit code %i with 503 upstream_busy and its Retry-After',
      async (rateLimitCode) => {
        const url = await start();
        const code = await authorizationCode(sandbox.url, control);
        await control.failNext('oauth/access_token', 'rate_limit', 1, {
          code: rateLimitCode,
          retryAfterSeconds: 120,
        });

        const response = await exchangeOver(url, { code, redirect_uri: REDIRECT_URI });

        expect(response.status).toBe(503);
        expect(response.headers.get('Retry-After')).toBe('120');
        const actual = await errorOf(response);
        expect(actual.code).toBe('upstream_busy');
        expect(actual.upstream?.code).toBe(rateLimitCode);
        expect(actual.message).toContain('Instagram is busy; try again in a minute.');
        expect(actual.message).toContain('rate-limiting');
      },
    );
  });

  describe('the flaky long-lived exchange (docs/instagram-contract.md §3.3)', () => {
    it('should retry "Unsupported request - method type: get" and answer the 60-day token', async () => {
      const url = await start();
      const code = await authorizationCode(sandbox.url, control);
      await control.failNext('access_token', 'unsupported_get', 2);

      const response = await exchangeOver(url, { code, redirect_uri: REDIRECT_URI });

      expect(response.status).toBe(200);
      const actual = ExchangeResponseSchema.parse(await response.json());
      expect([actual.long_lived, actual.expires_in]).toEqual([true, 5184000]);
      expect(actual.upstream_error).toBeUndefined();
      const calls = await control.calls();
      expect([calls['oauth/access_token'], calls.access_token]).toEqual([1, 3]);
    });

    it('should answer the working short-lived token when every attempt is refused', async () => {
      // Pauses are skipped here; their schedule and the budget are covered in-process.
      const url = await start({}, { sleep: () => Promise.resolve() });
      const code = await authorizationCode(sandbox.url, control);
      await control.failNext('access_token', 'unsupported_get', 100);

      const response = await exchangeOver(url, { code, redirect_uri: REDIRECT_URI });

      expect(response.status).toBe(200);
      const actual = ExchangeResponseSchema.parse(await response.json());
      expect(actual).toMatchObject({
        token_type: 'bearer',
        expires_in: SHORT_LIVED_SECONDS,
        user_id: SANDBOX_APP_SCOPED_ID,
        long_lived: false,
        upstream_error: {
          type: 'IGApiException',
          code: 100,
          message: 'Unsupported request - method type: get',
        },
      });
      const calls = await control.calls();
      expect([calls['oauth/access_token'], calls.access_token]).toEqual([1, 6]);
      const me = await fetch(`${sandbox.url}/me?fields=user_id`, {
        headers: { Authorization: `Bearer ${actual.access_token}` },
      });
      expect(parseJsonKeepingIds(await me.text())).toEqual({ user_id: SANDBOX_USER_ID });
    });
  });

  describe('PKCE (docs/instagram-contract.md §10.1)', () => {
    const verifier = 'integration-verifier-0123456789-abcdefghijklmnopqrstuvwxyz';

    it('should carry the code_verifier to Instagram', async () => {
      const url = await start();
      const code = await authorizationCode(sandbox.url, control, { codeVerifier: verifier });

      const response = await exchangeOver(url, {
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      });

      expect(response.status).toBe(200);
      expect(ExchangeResponseSchema.parse(await response.json()).long_lived).toBe(true);
    });

    it('should pass on the refusal of a code whose verifier is missing', async () => {
      const url = await start();
      const code = await authorizationCode(sandbox.url, control, { codeVerifier: verifier });

      const response = await exchangeOver(url, { code, redirect_uri: REDIRECT_URI });

      expect(response.status).toBe(502);
      const actual = await errorOf(response);
      expect(actual.code).toBe('upstream_error');
      expect(actual.upstream?.message).toContain('code_verifier');
    });
  });
});
