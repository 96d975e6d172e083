import { describe, expect, it } from 'vitest';
import { DEBUG_PATH, DebugTokenSchema, ProxyErrorBodySchema } from '../shared/exchange-contract';
import type { ConfigEnv } from './config';
import { TEST_ORIGIN } from '../tests/support/proxy-test-config';
import {
  CLIENT_ID,
  FB_APP_ID,
  SANDBOX_FB_USER_ID,
  debugOver,
  useProxyAgainstSandbox,
} from '../tests/support/sandbox-stack';

const TIMEOUT_MS = 60_000;

describe('POST /v1/debug against the sandbox', { timeout: TIMEOUT_MS }, () => {
  const stack = useProxyAgainstSandbox(TIMEOUT_MS);
  const start = (env?: ConfigEnv) => stack.start(env);

  async function debugged(response: Response) {
    expect(response.status).toBe(200);
    return DebugTokenSchema.parse(await response.json());
  }

  async function errorOf(response: Response) {
    return ProxyErrorBodySchema.parse(await response.json()).error;
  }

  it('should answer the debug_token data of a valid user token, unwrapped', async () => {
    const url = await start();
    const { access_token } = await stack.control.facebook.issueToken({
      userId: SANDBOX_FB_USER_ID,
    });

    const response = await debugOver(url, { access_token });

    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await debugged(response)).toMatchObject({
      app_id: FB_APP_ID,
      type: 'USER',
      is_valid: true,
      user_id: SANDBOX_FB_USER_ID,
      granular_scopes: expect.arrayContaining([
        expect.objectContaining({ scope: 'pages_show_list' }),
      ]),
    });
    expect((await stack.control.calls())['facebook/debug_token']).toBe(1);
  });

  it('should answer 200 is_valid false with the nested error for an expired and a revoked token', async () => {
    const url = await start();
    const expiring = await stack.control.facebook.issueToken({ userId: SANDBOX_FB_USER_ID });
    await stack.control.facebook.expire(SANDBOX_FB_USER_ID);
    const revoking = await stack.control.facebook.issueToken({ userId: SANDBOX_FB_USER_ID });
    await stack.control.facebook.revoke(SANDBOX_FB_USER_ID, 467);

    const expired = await debugged(await debugOver(url, { access_token: expiring.access_token }));
    const revoked = await debugged(
      await debugOver(url, { access_token: revoking.access_token, client_id: FB_APP_ID }),
    );

    expect(expired).toMatchObject({ is_valid: false, error: { code: 190, subcode: 463 } });
    expect(revoked).toMatchObject({ is_valid: false, error: { code: 190, subcode: 467 } });
  });

  it('should answer expires_at 0 for a Page token, which never expires', async () => {
    const url = await start();
    const { access_token } = await stack.control.facebook.issueToken({
      userId: SANDBOX_FB_USER_ID,
      kind: 'page',
      pageId: '104000000000001',
    });

    expect(await debugged(await debugOver(url, { access_token }))).toMatchObject({
      type: 'PAGE',
      expires_at: 0,
      is_valid: true,
      profile_id: '104000000000001',
    });
  });

  it('should answer 502 upstream_error when Facebook refuses the app token', async () => {
    const url = await start({ FB_APP_SECRET: 'not-the-sandbox-secret' });

    const response = await debugOver(url, { access_token: 'EAAwhatever' });

    expect(response.status).toBe(502);
    const actual = await errorOf(response);
    expect(actual.code).toBe('upstream_error');
    expect(actual.message).toContain('FB_APP_SECRET');
    expect(actual.upstream?.code).toBe(190);
    expect(JSON.stringify(actual)).not.toContain('not-the-sandbox-secret');
  });

  it.each([
    ['an Instagram client_id', {}, { client_id: CLIENT_ID }, 'an Instagram Login app'],
    [
      'no Facebook app at all',
      { FB_APP_ID: undefined, FB_APP_SECRET: undefined },
      {},
      'but the request is for a Facebook Login app',
    ],
    ['an unknown field', {}, { access_token: 'EAAx', token: 'x' }, 'unknown field'],
  ] as const)('should answer 400 invalid_request to %s', async (_case, env, body, text) => {
    const url = await start(env);

    const response = await debugOver(url, { access_token: 'EAAx', ...body });

    expect(response.status).toBe(400);
    const actual = await errorOf(response);
    expect(actual.code).toBe('invalid_request');
    expect(actual.message).toContain(text);
    expect((await stack.control.calls())['facebook/debug_token']).toBe(0);
  });

  it('should go through the same origin guard, CORS and method rules as the exchange', async () => {
    const url = await start();

    const foreign = await debugOver(
      url,
      { access_token: 'EAAx' },
      { Origin: 'https://evil.example' },
    );
    const allowed = await debugOver(url, { access_token: 'EAAx' }, { Origin: TEST_ORIGIN });
    const get = await fetch(`${url}${DEBUG_PATH}`);

    expect(foreign.status).toBe(403);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe(TEST_ORIGIN);
    expect(get.status).toBe(405);
    expect(get.headers.get('Allow')).toBe('POST');
    expect((await stack.control.calls())['facebook/debug_token']).toBe(1);
  });
});
