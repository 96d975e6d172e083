/**
 * How many code exchanges the proxy answers per second, and how much latency it adds, against a
 * bare `node:http` forwarder making the same two upstream calls. Both sit in front of the same
 * upstream stub that answers at once; each server and the stub run in a process of their own,
 * and the load comes from this one. Rounds alternate which server goes first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXCHANGE_PATH, ExchangeResponseSchema } from '../shared/exchange-contract';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from '../sandbox/defaults';
import { EXTENSION_ORIGIN } from '../scripts/extension-id';
import { REDIRECT_URI } from '../tests/support/sandbox-stack';
import type { BenchPlan } from './bench-plan';
import { runHttpLoad, summariseLoad, type LoadOptions, type LoadSample } from './http-load';
import type { ProxyThroughput } from './results-schema';
import { bundleServers, startServerChild, type ServerChild } from './server-child';

const ENTRIES = {
  'upstream-stub': join(import.meta.dirname, 'upstream-stub.ts'),
  proxy: join(import.meta.dirname, 'proxy-entry.ts'),
  'bare-forwarder': join(import.meta.dirname, 'bare-forwarder.ts'),
};

const HEADERS = { 'Content-Type': 'application/json', Origin: EXTENSION_ORIGIN };

let codes = 0;
/** A fresh code shaped like Instagram's (`AQ…`, 152 characters, `#_` appended) per request. */
function exchangeBody(): string {
  codes += 1;
  const code = `AQ${String(codes).padStart(12, '0')}${'c'.repeat(138)}#_`;
  return JSON.stringify({ code, redirect_uri: REDIRECT_URI });
}

/** One exchange must come back as the extension expects it before anything is timed. */
async function checkAnswer(server: ServerChild): Promise<void> {
  const reply = await fetch(`${server.url}${EXCHANGE_PATH}`, {
    method: 'POST',
    headers: HEADERS,
    body: exchangeBody(),
  });
  const parsed = ExchangeResponseSchema.safeParse(await reply.json());
  if (reply.status !== 200 || !parsed.success || !parsed.data.long_lived) {
    throw new Error(`${server.name} did not answer an exchange correctly (HTTP ${reply.status}).`);
  }
}

function loadOf(server: ServerChild, clients: number, seconds: number): LoadOptions {
  return {
    url: `${server.url}${EXCHANGE_PATH}`,
    clients,
    seconds,
    headers: HEADERS,
    body: exchangeBody,
  };
}

/** Loads both servers `rounds` times, alternating which goes first; the samples of each. */
async function alternate(
  proxy: ServerChild,
  forwarder: ServerChild,
  rounds: number,
  clients: number,
  seconds: number,
): Promise<{ proxy: LoadSample[]; forwarder: LoadSample[] }> {
  const samples: { proxy: LoadSample[]; forwarder: LoadSample[] } = { proxy: [], forwarder: [] };
  const load = async (which: 'proxy' | 'forwarder') => {
    const server = which === 'proxy' ? proxy : forwarder;
    samples[which].push(await runHttpLoad(loadOf(server, clients, seconds)));
  };
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      await load('proxy');
      await load('forwarder');
    } else {
      await load('forwarder');
      await load('proxy');
    }
  }
  return samples;
}

/** Starts the three processes, loads both servers and stops everything. */
export async function measureProxyThroughput(plan: BenchPlan): Promise<ProxyThroughput> {
  const bundleDir = await mkdtemp(join(tmpdir(), 'igtt-bench-servers-'));
  const children: ServerChild[] = [];
  const start = async (name: string, bundle: string | undefined, env: Record<string, string>) => {
    if (bundle === undefined) throw new Error(`No bundle for ${name}.`);
    const child = await startServerChild(name, bundle, env);
    children.push(child);
    return child;
  };
  try {
    const bundles = await bundleServers(ENTRIES, bundleDir);
    const upstream = await start('upstream stub', bundles['upstream-stub'], {});
    const env = {
      IG_CLIENT_ID: SANDBOX_CLIENT_ID,
      IG_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
      IG_REDIRECT_URIS: REDIRECT_URI,
      IG_OAUTH_BASE: upstream.url,
      IG_GRAPH_BASE: upstream.url,
      PROXY_ALLOWED_ORIGINS: EXTENSION_ORIGIN,
      PROXY_PORT: '0',
      // The production default of 30 a minute per client would refuse almost every request.
      PROXY_RATE_LIMIT: '1000000',
    };
    const proxy = await start('proxy', bundles.proxy, env);
    const forwarder = await start('bare forwarder', bundles['bare-forwarder'], env);
    await checkAnswer(proxy);
    await checkAnswer(forwarder);

    // JIT, connection pools and the rate limiter's tables warm up outside the measured rounds.
    await alternate(proxy, forwarder, 1, plan.proxyClients, plan.proxyWarmUpSeconds);
    const loaded = await alternate(
      proxy,
      forwarder,
      plan.proxyRounds,
      plan.proxyClients,
      plan.proxySeconds,
    );
    const alone = await alternate(proxy, forwarder, 2, 1, plan.sequentialSeconds);
    return {
      clients: plan.proxyClients,
      secondsPerRound: plan.proxySeconds,
      rounds: plan.proxyRounds,
      proxy: summariseLoad(loaded.proxy),
      forwarder: summariseLoad(loaded.forwarder),
      sequential: { proxy: summariseLoad(alone.proxy), forwarder: summariseLoad(alone.forwarder) },
    };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await rm(bundleDir, { recursive: true, force: true });
  }
}
