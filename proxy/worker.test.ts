import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutionContext } from 'hono';
import { HEALTH_PATH, ProxyErrorBodySchema } from '../shared/exchange-contract';
import { TEST_CLIENT_SECRET, testEnv } from '../tests/support/proxy-test-config';
import { BINDING_PERIOD_SECONDS } from './rate-limit-binding';
import { MISSING_RATE_LIMIT_BINDING_WARNING, RATE_LIMIT_BINDING_NAME } from './worker-bindings';

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
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  // The server project keeps mocks between tests; each test here counts its own console calls.
  afterEach(() => {
    vi.restoreAllMocks();
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

  it('should ask the RATE_LIMITER binding, keyed on CF-Connecting-IP, and not warn', async () => {
    const worker = await loadWorker();
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const keys: string[] = [];
    const env = {
      ...testEnv({ PROXY_RATE_LIMIT: '1000' }),
      RATE_LIMITER: {
        limit: ({ key }: { key: string }) => {
          keys.push(key);
          return Promise.resolve({ success: keys.length === 1 });
        },
      },
    };
    const from = (ip: string) =>
      worker.fetch(
        new Request('https://proxy.example/nowhere', { headers: { 'CF-Connecting-IP': ip } }),
        env,
        ctx,
      );

    const statuses = [(await from('203.0.113.1')).status, (await from('203.0.113.2')).status];

    expect(statuses).toEqual([404, 429]);
    expect(keys).toEqual(['203.0.113.1', '203.0.113.2']);
    expect(warnings).not.toHaveBeenCalled();
  });

  it('should warn once per isolate when there is no RATE_LIMITER binding', async () => {
    const worker = await loadWorker();
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    for (let request = 0; request < 3; request += 1) {
      await worker.fetch(new Request(`https://proxy.example${HEALTH_PATH}`), testEnv(), ctx);
    }

    expect(warnings.mock.calls).toEqual([[MISSING_RATE_LIMIT_BINDING_WARNING]]);
  });

  it('should refuse to start when RATE_LIMITER is a variable, not a binding', async () => {
    const worker = await loadWorker();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const response = await worker.fetch(
      new Request(`https://proxy.example${HEALTH_PATH}`),
      { ...testEnv(), RATE_LIMITER: '30' },
      ctx,
    );

    expect(response.status).toBe(500);
    expect(String(errors.mock.calls[0]?.[0])).toContain('[[ratelimits]]');
  });

  it('should key the in-memory backstop on CF-Connecting-IP without a binding', async () => {
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

  it('should ship an example wrangler.toml that declares the binding the Worker reads', () => {
    const toml = readFileSync(join(import.meta.dirname, 'wrangler.toml'), 'utf8');
    // The binding is the file's last table: everything after its header belongs to it.
    const binding = toml.split(/^\[\[ratelimits\]\]$/m)[1] ?? '';

    expect(binding).toContain(`name = "${RATE_LIMIT_BINDING_NAME}"`);
    expect(binding).toMatch(/^\s*\[ratelimits\.simple\]$/m);
    expect(binding).toMatch(new RegExp(`^\\s*period = ${BINDING_PERIOD_SECONDS}$`, 'm'));
  });
});
