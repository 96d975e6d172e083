/**
 * What the exchange proxy adds to a code exchange. The reference makes Instagram's two calls
 * straight to the sandbox (code → short-lived token → long-lived token); the measured path sends
 * the same code to `POST /v1/exchange`, which makes those two calls itself. Runs alternate, so
 * machine noise falls on both alike.
 */
import {
  CodeExchangeResponseSchema,
  LongLivedTokenResponseSchema,
  parseJsonKeepingIds,
} from '../shared/instagram-responses';
import { ExchangeResponseSchema } from '../shared/exchange-contract';
import { authorizationCode, exchangeOver, REDIRECT_URI } from '../tests/support/sandbox-stack';
import { createSandboxControl } from '../sandbox/control-client';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from '../sandbox/defaults';
import { EXTENSION_ORIGIN } from '../scripts/extension-id';
import { startDemoStack } from '../scripts/demo-stack';
import { summarise, timePair, type TimingSummary } from './stats';

/** Default number of measured exchanges on each path. */
export const PROXY_ITERATIONS = 200;
/** Unmeasured rounds first, so connection set-up and JIT warm-up are not counted. */
const WARM_UP_ITERATIONS = 10;

/** Timings of both paths and the proxy's share. */
export interface ProxyOverhead {
  readonly direct: TimingSummary;
  readonly proxied: TimingSummary;
  /** Median through the proxy minus median direct. */
  readonly overheadMs: number;
  /** Median through the proxy divided by median direct. */
  readonly ratio: number;
}

/** Starts the sandbox and the proxy on free ports and times `iterations` exchanges each way. */
export async function measureProxyOverhead(iterations = PROXY_ITERATIONS): Promise<ProxyOverhead> {
  const stack = await startDemoStack({
    sandboxPort: 0,
    // The demo limit of 30 a minute would stop the run after a few rounds.
    proxyEnv: { PROXY_PORT: '0', PROXY_RATE_LIMIT: '1000000' },
    proxyOptions: { log: () => undefined },
  });
  try {
    const sandboxUrl = stack.sandbox.url;
    const control = createSandboxControl(sandboxUrl);
    const direct: number[] = [];
    const proxied: number[] = [];
    for (let round = 0; round < WARM_UP_ITERATIONS + iterations; round += 1) {
      const directCode = await authorizationCode(sandboxUrl, control);
      const proxiedCode = await authorizationCode(sandboxUrl, control);
      const [directMs, proxiedMs] = await timePair(
        round,
        () => exchangeDirectly(sandboxUrl, directCode),
        () => exchangeThroughProxy(stack.proxy.url, proxiedCode),
      );
      if (round < WARM_UP_ITERATIONS) continue;
      direct.push(directMs);
      proxied.push(proxiedMs);
    }
    const directSummary = summarise(direct);
    const proxiedSummary = summarise(proxied);
    return {
      direct: directSummary,
      proxied: proxiedSummary,
      overheadMs: proxiedSummary.medianMs - directSummary.medianMs,
      ratio: proxiedSummary.medianMs / directSummary.medianMs,
    };
  } finally {
    await stack.close();
  }
}

/** The extension's two calls without a proxy: what the proxy does on its behalf. */
async function exchangeDirectly(sandboxUrl: string, code: string): Promise<void> {
  const codeReply = await fetch(`${sandboxUrl}/oauth/access_token`, {
    method: 'POST',
    body: new URLSearchParams({
      client_id: SANDBOX_CLIENT_ID,
      client_secret: SANDBOX_CLIENT_SECRET,
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT_URI,
      code,
    }),
  });
  const shortLived = CodeExchangeResponseSchema.parse(parseJsonKeepingIds(await codeReply.text()));
  const query = new URLSearchParams({
    grant_type: 'ig_exchange_token',
    client_secret: SANDBOX_CLIENT_SECRET,
    access_token: shortLived.access_token,
  });
  const longLivedReply = await fetch(`${sandboxUrl}/access_token?${query.toString()}`);
  LongLivedTokenResponseSchema.parse(await longLivedReply.json());
}

/** The same exchange as the extension makes it, through the proxy. */
async function exchangeThroughProxy(proxyUrl: string, code: string): Promise<void> {
  const reply = await exchangeOver(
    proxyUrl,
    { code, redirect_uri: REDIRECT_URI },
    { Origin: EXTENSION_ORIGIN },
  );
  ExchangeResponseSchema.parse(await reply.json());
}
