import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTH_PATH, ProxyErrorBodySchema } from '../shared/exchange-contract';
import { describeProxyContract, type StartContractProxy } from '../tests/support/proxy-contract';
import { sandboxProxyEnv } from '../tests/support/sandbox-stack';
import {
  bundleWorker,
  startWorkerdProxy,
  type WorkerBundle,
  type WorkerdProxy,
} from '../tests/support/workerd-proxy';
import { BINDING_PERIOD_SECONDS } from './rate-limit-binding';
import { MISSING_RATE_LIMIT_BINDING_WARNING } from './worker-bindings';

/**
 * workerd's first start reads a large binary and compiles the bundle: seconds on a loaded 2-core
 * machine, so every hook that starts or stops it gets a generous limit.
 */
const WORKERD_MS = 120_000;
/** Nothing listens here; the cases below never reach Instagram. */
const NO_SANDBOX = 'http://127.0.0.1:9';

let tempDir: string;
let bundle: WorkerBundle;

beforeAll(async () => {
  tempDir = await mkdtemp(join(tmpdir(), 'proxy-workerd-'));
  bundle = await bundleWorker(tempDir);
}, WORKERD_MS);
afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

/** The contract's proxy in workerd, with the Rate Limiting binding or without it. */
function workerdStarter(withBinding: boolean): StartContractProxy {
  return ({ sandboxUrl, rateLimitPerMinute }) =>
    startWorkerdProxy({
      scriptPath: bundle.scriptPath,
      variables: sandboxProxyEnv(sandboxUrl, { PROXY_RATE_LIMIT: String(rateLimitPerMinute) }),
      ...(withBinding ? { rateLimitBindingPerMinute: rateLimitPerMinute } : {}),
    });
}

describeProxyContract('workerd, RATE_LIMITER binding', workerdStarter(true), {
  startMs: WORKERD_MS,
});
describeProxyContract('workerd, no binding: in-isolate backstop', workerdStarter(false), {
  startMs: WORKERD_MS,
});

describe('Workers entry in workerd', () => {
  it('should bundle without importing anything from outside, Node built-ins included', () => {
    expect(bundle.externalImports).toEqual([]);
  });

  describe('with the RATE_LIMITER binding', () => {
    let worker: WorkerdProxy;
    const from = (ip: string) =>
      fetch(`${worker.url}/v1/exchange`, { headers: { 'CF-Connecting-IP': ip } });

    beforeAll(async () => {
      worker = await startWorkerdProxy({
        scriptPath: bundle.scriptPath,
        // The in-memory count would allow 1000: every 429 below is the binding's.
        variables: sandboxProxyEnv(NO_SANDBOX, { PROXY_RATE_LIMIT: '1000' }),
        rateLimitBindingPerMinute: 2,
      });
    }, WORKERD_MS);
    afterAll(() => worker?.close(), WORKERD_MS);

    it('should count per CF-Connecting-IP and refuse with the 429 of the Node entry', async () => {
      const first = [(await from('203.0.113.1')).status, (await from('203.0.113.1')).status];
      const refused = await from('203.0.113.1');
      const other = await from('203.0.113.2');

      // 405: GET /v1/exchange gets past the limiter to the method check.
      expect(first).toEqual([405, 405]);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('Retry-After')).toBe(String(BINDING_PERIOD_SECONDS));
      expect(ProxyErrorBodySchema.parse(await refused.json()).error.code).toBe('rate_limited');
      expect(other.status).toBe(405);
    });

    it('should not count /healthz, and log no rate-limit warning', async () => {
      const statuses = [];
      for (let probe = 0; probe < 5; probe += 1) {
        statuses.push((await fetch(`${worker.url}${HEALTH_PATH}`)).status);
      }

      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      expect(worker.output()).not.toContain('RATE_LIMITER');
    });
  });

  describe('without the binding', () => {
    let worker: WorkerdProxy;

    beforeAll(async () => {
      worker = await startWorkerdProxy({
        scriptPath: bundle.scriptPath,
        variables: sandboxProxyEnv(NO_SANDBOX),
      });
    }, WORKERD_MS);
    afterAll(() => worker?.close(), WORKERD_MS);

    it('should warn once per isolate, on one line, that the limit is per isolate only', async () => {
      for (let request = 0; request < 4; request += 1) {
        await (await fetch(`${worker.url}${HEALTH_PATH}`)).body?.cancel();
      }

      const warnings = worker
        .output()
        .split('\n')
        .filter((line) => line.includes('RATE_LIMITER'));
      expect(warnings).toEqual([MISSING_RATE_LIMIT_BINDING_WARNING]);
    });
  });
});
