/**
 * The proxy's HTTP contract as one suite, run over loopback in front of the Instagram sandbox by
 * every runtime that serves the proxy: Node (`server.ts`) and workerd (`worker.ts` under
 * Miniflare). A runtime only says how to start a proxy; the cases are the same for all.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEBUG_PATH,
  DebugTokenSchema,
  EXCHANGE_PATH,
  ExchangeResponseSchema,
  HEALTH_PATH,
  ProxyErrorBodySchema,
  SETUP_CHECK_PATH,
  SetupCheckResponseSchema,
} from '../../shared/exchange-contract';
import { TEST_ORIGIN } from './proxy-test-config';
import {
  CLIENT_ID,
  REDIRECT_URI,
  SANDBOX_APP_SCOPED_ID,
  SANDBOX_FB_USER_ID,
  authorizationCode,
  debugOver,
  exchangeOver,
  facebookAuthorizationCode,
  setupCheckOver,
  startTestSandbox,
  type RunningSandbox,
  type SandboxControl,
} from './sandbox-stack';

/** A proxy under test, whichever runtime serves it. */
export interface ContractProxy {
  /** Base URL on loopback, without a trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

/** The proxy the contract asks for: in front of this sandbox, with this limit per client. */
export interface ContractProxyOptions {
  readonly sandboxUrl: string;
  /** Requests a minute per client IP, however the runtime enforces them. */
  readonly rateLimitPerMinute: number;
}

/** Starts a proxy for the contract (configured with `sandboxProxyEnv`); the runtime decides how. */
export type StartContractProxy = (options: ContractProxyOptions) => Promise<ContractProxy>;

/** How long starting the proxies may take: workerd needs seconds on a loaded machine. */
export interface ContractTimeouts {
  readonly startMs: number;
}

/** High enough that no contract case is ever limited by accident. */
const RELAXED_LIMIT = 1000;
/** The limit of the proxy that the rate-limit case uses up. */
const STRICT_LIMIT = 3;

async function errorOf(response: Response) {
  return ProxyErrorBodySchema.parse(await response.json()).error;
}

/**
 * Declares the contract suite for one runtime: health, exchange, CORS, limits, errors, setup
 * check. Two proxies are started once: one relaxed, one whose rate limit a case uses up.
 */
export function describeProxyContract(
  runtime: string,
  start: StartContractProxy,
  timeouts: ContractTimeouts = { startMs: 30_000 },
): void {
  describe(`proxy contract (${runtime})`, () => {
    let sandbox: RunningSandbox;
    let control: SandboxControl;
    let proxy: ContractProxy;
    let limited: ContractProxy;

    beforeAll(async () => {
      ({ sandbox, control } = await startTestSandbox());
      [proxy, limited] = await Promise.all([
        start({ sandboxUrl: sandbox.url, rateLimitPerMinute: RELAXED_LIMIT }),
        start({ sandboxUrl: sandbox.url, rateLimitPerMinute: STRICT_LIMIT }),
      ]);
    }, timeouts.startMs);
    afterAll(async () => {
      await Promise.all([proxy?.close(), limited?.close()]);
      await sandbox?.close();
    }, timeouts.startMs);
    beforeEach(async () => {
      await control.reset();
    });

    /** Calls the sandbox counted, but for the authorize requests the test itself made. */
    async function upstreamCalls() {
      const {
        'oauth/authorize': _byTheTest,
        'facebook/dialog/oauth': _dialogByTheTest,
        ...calls
      } = await control.calls();
      return Object.values(calls).reduce((sum, count) => sum + count, 0);
    }

    describe('GET /healthz', () => {
      it('should answer 200 {"ok":true}, no-store, with a request id', async () => {
        const response = await fetch(`${proxy.url}${HEALTH_PATH}`);

        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ ok: true });
        expect(response.headers.get('Cache-Control')).toBe('no-store');
        expect(response.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
      });
    });

    describe('POST /v1/exchange', () => {
      it('should exchange a fresh code (with the #_ Instagram appends) for a 60-day token', async () => {
        const code = await authorizationCode(sandbox.url, control);

        const response = await exchangeOver(proxy.url, {
          code: `${code}#_`,
          redirect_uri: REDIRECT_URI,
        });

        expect(response.status).toBe(200);
        const actual = ExchangeResponseSchema.parse(await response.json());
        expect(actual).toMatchObject({
          token_type: 'bearer',
          expires_in: 5184000,
          user_id: SANDBOX_APP_SCOPED_ID,
          long_lived: true,
        });
        expect(actual.access_token).toMatch(/^IGAA[A-Za-z0-9]+$/);
        expect(response.headers.get('Cache-Control')).toBe('no-store');
        const calls = await control.calls();
        expect([calls['oauth/access_token'], calls.access_token]).toEqual([1, 1]);
      });

      it('should answer 502 upstream_error with Instagram message to a code it never issued', async () => {
        const response = await exchangeOver(proxy.url, {
          code: 'AQBnotARealCode',
          redirect_uri: REDIRECT_URI,
        });

        expect(response.status).toBe(502);
        const actual = await errorOf(response);
        expect(actual.code).toBe('upstream_error');
        expect(actual.upstream).toMatchObject({
          type: 'OAuthException',
          code: 400,
          message: 'Matching code was not found or was already used',
        });
      });
    });

    describe('Facebook Login', () => {
      it('should exchange a Facebook code (with #_=_) for a 60-day token named by debug_token', async () => {
        const code = await facebookAuthorizationCode(sandbox.url, control);

        const response = await exchangeOver(proxy.url, {
          code: `${code}#_=_`,
          redirect_uri: REDIRECT_URI,
          flavor: 'facebook',
        });

        expect(response.status).toBe(200);
        const actual = ExchangeResponseSchema.parse(await response.json());
        expect(actual).toMatchObject({
          flavor: 'facebook',
          token_type: 'bearer',
          user_id: SANDBOX_FB_USER_ID,
          long_lived: true,
        });
        expect(actual.access_token).toMatch(/^EAA/);
        expect(actual.data_access_expires_at).toBeGreaterThan(0);
      });

      it('should answer POST /v1/debug with the debug_token data of a token', async () => {
        const { access_token } = await control.facebook.issueToken({
          userId: SANDBOX_FB_USER_ID,
          kind: 'page',
          pageId: '104000000000001',
        });

        const response = await debugOver(proxy.url, { access_token }, { Origin: TEST_ORIGIN });

        expect(response.status).toBe(200);
        expect(response.headers.get('Access-Control-Allow-Origin')).toBe(TEST_ORIGIN);
        expect(DebugTokenSchema.parse(await response.json())).toMatchObject({
          type: 'PAGE',
          expires_at: 0,
          is_valid: true,
          user_id: SANDBOX_FB_USER_ID,
        });
      });
    });

    describe('CORS', () => {
      it('should echo an allowed origin with Vary: Origin', async () => {
        const code = await authorizationCode(sandbox.url, control);

        const response = await exchangeOver(
          proxy.url,
          { code, redirect_uri: REDIRECT_URI },
          { Origin: TEST_ORIGIN },
        );

        expect(response.status).toBe(200);
        expect(response.headers.get('Access-Control-Allow-Origin')).toBe(TEST_ORIGIN);
        expect(response.headers.get('Vary')).toContain('Origin');
        expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull();
      });

      it('should answer an allowed preflight with the exact origin, POST and Content-Type', async () => {
        const response = await fetch(`${proxy.url}${EXCHANGE_PATH}`, {
          method: 'OPTIONS',
          headers: {
            Origin: TEST_ORIGIN,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'content-type',
          },
        });

        expect(response.status).toBe(204);
        expect(response.headers.get('Access-Control-Allow-Origin')).toBe(TEST_ORIGIN);
        expect(response.headers.get('Access-Control-Allow-Methods')).toContain('POST');
        expect(response.headers.get('Access-Control-Allow-Headers')).toBe('Content-Type');
        expect(response.headers.get('Vary')).toContain('Origin');
        expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull();
      });

      it.each(['https://evil.example', 'chrome-extension://pppppppppppppppppppppppppppppppp'])(
        'should answer 403 origin_not_allowed to Origin %s without calling Instagram',
        async (origin) => {
          const code = await authorizationCode(sandbox.url, control);

          const response = await exchangeOver(
            proxy.url,
            { code, redirect_uri: REDIRECT_URI },
            { Origin: origin },
          );

          expect(response.status).toBe(403);
          expect((await errorOf(response)).code).toBe('origin_not_allowed');
          expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
          expect(await upstreamCalls()).toBe(0);
        },
      );
    });

    describe('limits', () => {
      it('should answer 413 payload_too_large to a body over 8 KiB', async () => {
        const response = await exchangeOver(proxy.url, {
          code: 'A'.repeat(9000),
          redirect_uri: REDIRECT_URI,
        });

        expect(response.status).toBe(413);
        expect((await errorOf(response)).code).toBe('payload_too_large');
      });

      it('should answer 415 unsupported_media_type to a form-encoded body', async () => {
        const response = await exchangeOver(proxy.url, 'code=abc', {
          'Content-Type': 'application/x-www-form-urlencoded',
        });

        expect(response.status).toBe(415);
        expect((await errorOf(response)).code).toBe('unsupported_media_type');
      });

      it.each([
        ['GET', EXCHANGE_PATH, 'POST'],
        ['GET', DEBUG_PATH, 'POST'],
        ['PUT', SETUP_CHECK_PATH, 'POST'],
        ['POST', HEALTH_PATH, 'GET'],
      ])(
        'should answer 405 method_not_allowed to %s %s, naming %s in Allow',
        async (method, path, allow) => {
          const response = await fetch(`${proxy.url}${path}`, { method });

          expect(response.status).toBe(405);
          expect(response.headers.get('Allow')).toBe(allow);
          expect((await errorOf(response)).code).toBe('method_not_allowed');
        },
      );

      it('should answer 429 rate_limited with Retry-After once the limit is used up', async () => {
        // The binding counts in fixed windows of a clock minute, so a run that straddles a minute
        // starts counting again: sending twice the limit and one more always reaches it.
        const statuses: number[] = [];
        let refused: Response | undefined;
        for (let sent = 0; sent < STRICT_LIMIT * 2 + 1 && refused === undefined; sent += 1) {
          const response = await exchangeOver(limited.url, {
            code: 'x',
            redirect_uri: 'https://nope.example/',
          });
          statuses.push(response.status);
          if (response.status === 429) refused = response;
          else await response.body?.cancel();
        }

        expect(statuses.slice(0, STRICT_LIMIT)).toEqual(
          Array.from({ length: STRICT_LIMIT }, () => 400),
        );
        expect(refused?.status).toBe(429);
        expect(Number(refused?.headers.get('Retry-After'))).toBeGreaterThan(0);
        expect(refused === undefined ? undefined : (await errorOf(refused)).code).toBe(
          'rate_limited',
        );
        const health = await fetch(`${limited.url}${HEALTH_PATH}`);
        expect(health.status).toBe(200);
      });
    });

    describe('errors', () => {
      it('should answer 404 not_found in JSON to an unknown path', async () => {
        const response = await fetch(`${proxy.url}/v2/nowhere`);

        expect(response.status).toBe(404);
        expect(response.headers.get('Content-Type')).toContain('application/json');
        const actual = await errorOf(response);
        expect(actual.code).toBe('not_found');
        expect(actual.message).toContain(EXCHANGE_PATH);
      });

      it('should answer 400 invalid_request to a body that is not JSON', async () => {
        const response = await exchangeOver(proxy.url, '{"code":');

        expect(response.status).toBe(400);
        expect((await errorOf(response)).code).toBe('invalid_request');
      });

      it('should answer 400 redirect_uri_not_allowed without calling Instagram', async () => {
        const code = await authorizationCode(sandbox.url, control);

        const response = await exchangeOver(proxy.url, {
          code,
          redirect_uri: 'https://attacker.example/callback',
        });

        expect(response.status).toBe(400);
        expect((await errorOf(response)).code).toBe('redirect_uri_not_allowed');
        expect(await upstreamCalls()).toBe(0);
      });
    });

    describe('POST /v1/setup-check', () => {
      it('should answer from the configuration alone, with zero upstream calls', async () => {
        const answers = await Promise.all([
          setupCheckOver(proxy.url, { client_id: CLIENT_ID, redirect_uri: REDIRECT_URI }),
          setupCheckOver(proxy.url, { client_id: '1', redirect_uri: REDIRECT_URI }),
          setupCheckOver(
            proxy.url,
            { client_id: CLIENT_ID, redirect_uri: 'https://attacker.example/' },
            { Origin: TEST_ORIGIN },
          ),
          setupCheckOver(
            proxy.url,
            { client_id: CLIENT_ID, redirect_uri: REDIRECT_URI },
            { Origin: 'https://evil.example' },
          ),
        ]);

        expect(answers.map((response) => response.status)).toEqual([200, 200, 200, 200]);
        const actual = await Promise.all(
          answers.map(async (response) => SetupCheckResponseSchema.parse(await response.json())),
        );
        expect(actual).toEqual([
          {
            client_id_known: true,
            redirect_uri_allowed: true,
            origin_allowed: true,
            flavor: 'instagram',
          },
          { client_id_known: false, redirect_uri_allowed: false, origin_allowed: true },
          {
            client_id_known: true,
            redirect_uri_allowed: false,
            origin_allowed: true,
            flavor: 'instagram',
          },
          {
            client_id_known: true,
            redirect_uri_allowed: true,
            origin_allowed: false,
            flavor: 'instagram',
          },
        ]);
        expect(answers[2]?.headers.get('Access-Control-Allow-Origin')).toBe(TEST_ORIGIN);
        expect(answers[3]?.headers.get('Access-Control-Allow-Origin')).toBeNull();
        expect(await upstreamCalls()).toBe(0);
      });
    });
  });
}
