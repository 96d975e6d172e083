import { describe, expect, it } from 'vitest';
import { HEALTH_PATH } from '../shared/exchange-contract';
import { createProxyApp } from './app';
import {
  BINDING_PERIOD_SECONDS,
  isRateLimitBinding,
  type RateLimitBinding,
} from './rate-limit-binding';
import { readError } from '../tests/support/proxy-requests';
import { testConfig } from '../tests/support/proxy-test-config';

/** A stand-in for the Workers binding: allows `allowed` requests per key, and records the keys. */
function fakeBinding(allowed: number) {
  const keys: string[] = [];
  const binding: RateLimitBinding = {
    limit: ({ key }) => {
      keys.push(key);
      return Promise.resolve({ success: keys.filter((seen) => seen === key).length <= allowed });
    },
  };
  return { binding, keys };
}

/** The app with this binding, the client IP from a test header, and warnings collected. */
function appWith(binding: RateLimitBinding, env: Record<string, string> = {}) {
  const warnings: string[] = [];
  const app = createProxyApp(testConfig(env), {
    log: () => undefined,
    clientIp: (c) => c.req.header('X-Test-Ip'),
    rateLimitBinding: binding,
    warn: (message) => warnings.push(message),
  });
  const from = (ip: string, path = '/nowhere') =>
    Promise.resolve(app.request(path, { headers: { 'X-Test-Ip': ip } }));
  return { app, from, warnings };
}

describe('the Workers Rate Limiting binding as the rate limit', () => {
  it('should refuse with 429 rate_limited and Retry-After once the binding says no', async () => {
    // The in-memory limit would allow 1000: every 429 here is the binding's.
    const { binding } = fakeBinding(2);
    const { from } = appWith(binding, { PROXY_RATE_LIMIT: '1000' });

    const allowed = [(await from('203.0.113.1')).status, (await from('203.0.113.1')).status];
    const refused = await from('203.0.113.1');

    expect(allowed).toEqual([404, 404]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe(String(BINDING_PERIOD_SECONDS));
    expect(refused.headers.get('RateLimit-Limit')).toBeNull();
    expect((await readError(refused)).code).toBe('rate_limited');
  });

  it('should key the binding on the client IP, and on "unknown" without one', async () => {
    const { binding, keys } = fakeBinding(1);
    const { app, from } = appWith(binding);

    await from('203.0.113.1');
    const other = await from('203.0.113.2');
    await app.request('/nowhere');

    expect(other.status).toBe(404);
    expect(keys).toEqual(['203.0.113.1', '203.0.113.2', 'unknown']);
  });

  it('should never ask the binding about /healthz', async () => {
    const { binding, keys } = fakeBinding(0);
    const { from } = appWith(binding);

    const response = await from('203.0.113.1', HEALTH_PATH);

    expect(response.status).toBe(200);
    expect(keys).toEqual([]);
  });

  it.each([
    ['throws', () => Promise.reject(new Error('binding unavailable'))],
    ['answers something else', () => Promise.resolve({ allowed: true })],
  ])(
    'should fall back to the in-memory limit, warning once, when the binding %s',
    async (_what, limit) => {
      const { from, warnings } = appWith({ limit }, { PROXY_RATE_LIMIT: '2' });

      const statuses = [];
      for (let sent = 0; sent < 4; sent += 1) statuses.push((await from('203.0.113.1')).status);

      expect(statuses).toEqual([404, 404, 429, 429]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('RATE_LIMITER');
    },
  );
});

describe('isRateLimitBinding', () => {
  it.each([
    [{ limit: () => ({ success: true }) }, true],
    ['30', false],
    [{ limit: 30 }, false],
    [null, false],
  ])('should tell a binding from %j: %s', (value, expected) => {
    expect(isRateLimitBinding(value)).toBe(expected);
  });
});
