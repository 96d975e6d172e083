import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExecutionContext } from 'hono';
import { HEALTH_PATH, ProxyErrorBodySchema } from '../shared/exchange-contract';
import { TEST_CLIENT_SECRET, testEnv } from '../tests/support/proxy-test-config';

const ctx: ExecutionContext = {
  waitUntil: () => undefined,
  passThroughOnException: () => undefined,
  props: {},
};

/** A fresh module each time, because the Worker keeps its app for the isolate's lifetime. */
async function loadWorker() {
  vi.resetModules();
  return (await import('./worker')).default;
}

describe('Workers entry', () => {
  beforeEach(() => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  it('should serve the app from the Worker bindings, ignoring non-string bindings', async () => {
    const worker = await loadWorker();

    const response = await worker.fetch(
      new Request(`https://proxy.example${HEALTH_PATH}`),
      { ...testEnv(), RATE_LIMITER: { limit: () => ({ success: true }) } },
      ctx,
    );

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('should key the rate limit on CF-Connecting-IP', async () => {
    const worker = await loadWorker();
    const env = testEnv({ PROXY_RATE_LIMIT: '1' });
    const from = (ip: string) =>
      worker.fetch(
        new Request('https://proxy.example/nowhere', { headers: { 'CF-Connecting-IP': ip } }),
        env,
        ctx,
      );

    await from('203.0.113.1');
    const statuses = [(await from('203.0.113.1')).status, (await from('203.0.113.2')).status];

    expect(statuses).toEqual([429, 404]);
  });

  it('should answer a JSON internal_error, and log the variable, when misconfigured', async () => {
    const worker = await loadWorker();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const response = await worker.fetch(
      new Request(`https://proxy.example${HEALTH_PATH}`),
      testEnv({ IG_REDIRECT_URIS: 'http://not-allowed.example/' }),
      ctx,
    );

    expect(response.status).toBe(500);
    const body = ProxyErrorBodySchema.parse(await response.json());
    expect(body.error.code).toBe('internal_error');
    expect(JSON.stringify(body)).not.toContain('IG_REDIRECT_URIS');
    expect(String(errors.mock.calls[0]?.[0])).toContain('IG_REDIRECT_URIS');
    expect(String(errors.mock.calls[0]?.[0])).not.toContain(TEST_CLIENT_SECRET);
  });
});
