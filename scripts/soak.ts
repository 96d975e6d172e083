/**
 * `npm run soak`: a soak and fuzz run of the exchange proxy against the Instagram sandbox, each in
 * a child process of its own on a free loopback port. Load (full exchanges, health probes, setup
 * checks) while the sandbox fails some long-lived exchanges; then seeded malformed requests; then
 * stalled half-open sockets. Prints one table, writes `.tmp/soak.json`, exits 1 if a check fails.
 * Not part of `npm test`: the full run takes about 90 s and both cores.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { SANDBOX_CLIENT_SECRET } from '../sandbox/defaults';
import { sandboxProxyEnv } from '../tests/support/sandbox-stack';
import { runFuzz } from './soak-fuzz';
import { runHalfOpen } from './soak-half-open';
import { createLeakScanner } from './soak-leaks';
import { runLoad } from './soak-load';
import { readSoakOptions } from './soak-options';
import { startServerChild, type ServerChild } from './soak-process';
import { formatSoakTable, soakChecks, type RssFigures, type SoakRun } from './soak-report';
import { readRssBytes } from './soak-rss';

const PROJECT_ROOT = join(import.meta.dirname, '..');
/** `npm run build:proxy`'s output: the proxy runs as it would in production, without tsx. */
const PROXY_BUNDLE = join(PROJECT_ROOT, '.output/proxy/node.mjs');
const REPORT_PATH = join(PROJECT_ROOT, '.tmp/soak.json');
const START_TIMEOUT_MS = 30_000;
/** The answers the proxy maps Instagram's failures to; any other 5xx in its log is a bug. */
const MAPPED_5XX = new Set([502, 503, 504]);
const LogLineSchema = z.object({ status: z.number() });

const children: ServerChild[] = [];

function progress(message: string): void {
  console.error(`[soak ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function stopChildren(): Promise<void> {
  await Promise.all(children.splice(0).map((child) => child.stop()));
}

function buildProxy(): void {
  progress('Bundling the proxy (npm run build:proxy)…');
  const build = spawnSync('npm', ['run', '--silent', 'build:proxy'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('npm run build:proxy failed');
}

async function main(): Promise<number> {
  const options = readSoakOptions(process.argv.slice(2));
  buildProxy();

  const leaks = createLeakScanner();
  leaks.add(SANDBOX_CLIENT_SECRET);
  let tokensIssued = 0;
  let faultsServed = 0;
  const sandbox = await startServerChild({
    name: 'sandbox',
    args: ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/soak-sandbox.ts')],
    env: {},
    ready: /^Soak sandbox listening on (http:\/\/\S+)$/,
    onLine: (line) => {
      if (line.startsWith('issued ')) {
        leaks.add(line.slice('issued '.length));
        tokensIssued += 1;
      } else if (line.startsWith('fault ')) {
        faultsServed += 1;
      }
    },
    startTimeoutMs: START_TIMEOUT_MS,
  });
  children.push(sandbox);

  const proxyOutput: string[] = [];
  const proxy = await startServerChild({
    name: 'proxy',
    args: ['--enable-source-maps', PROXY_BUNDLE],
    // The limit is raised so that the load measures the proxy, not its rate limiter.
    env: sandboxProxyEnv(sandbox.url, { PROXY_PORT: '0', PROXY_RATE_LIMIT: '1000000' }),
    ready: /^Exchange proxy listening on (http:\/\/\S+) /,
    onLine: (line) => proxyOutput.push(line),
    startTimeoutMs: START_TIMEOUT_MS,
  });
  children.push(proxy);
  const proxyPort = Number(new URL(proxy.url).port);
  progress(`Sandbox pid ${sandbox.pid} on ${sandbox.url}, proxy pid ${proxy.pid} on ${proxy.url}`);

  const rssSamples: number[] = [];
  const sampler = setInterval(() => {
    const rss = readRssBytes(proxy.pid);
    if (rss !== undefined) rssSamples.push(rss);
  }, 1_000);
  const rss: { -readonly [K in keyof RssFigures]: RssFigures[K] } = {
    start: readRssBytes(proxy.pid),
  };

  progress(`Load: ${options.clients} clients for ${options.seconds} s…`);
  const middle = setTimeout(
    () => (rss.middle = readRssBytes(proxy.pid)),
    (options.seconds * 1000) / 2,
  );
  const load = await runLoad({
    proxyUrl: proxy.url,
    sandboxUrl: sandbox.url,
    clients: options.clients,
    seconds: options.seconds,
  });
  clearTimeout(middle);
  rss.end = readRssBytes(proxy.pid);

  progress(`Fuzz: ${options.fuzz} malformed requests (seed ${options.seed})…`);
  const fuzz = await runFuzz({ port: proxyPort, count: options.fuzz, seed: options.seed });
  rss.afterFuzz = readRssBytes(proxy.pid);

  progress(`Half-open: ${options.halfOpen} stalled sockets…`);
  const halfOpen = await runHalfOpen({ port: proxyPort, count: options.halfOpen });
  rss.afterHalfOpen = readRssBytes(proxy.pid);
  clearInterval(sampler);
  rss.peak = Math.max(...rssSamples, rss.start ?? 0, rss.end ?? 0);

  await stopChildren();
  // Lines the proxy printed while stopping count too.
  for (const code of load.codes) leaks.add(code);
  const texts = [...load.bodies, ...fuzz.bodies, halfOpen.received, ...proxyOutput];
  const found = new Set(texts.flatMap((text) => leaks.find(text)));

  const { codes: _codes, bodies: _loadBodies, ...loadFigures } = load;
  const { bodies: _fuzzBodies, ...fuzzFigures } = fuzz;
  const { received: _received, ...halfOpenFigures } = halfOpen;
  const run: SoakRun = {
    options,
    machine: {
      date: new Date().toISOString(),
      nproc: availableParallelism(),
      node: process.version,
    },
    load: loadFigures,
    fuzz: fuzzFigures,
    halfOpen: halfOpenFigures,
    rss,
    leaks: {
      secrets: leaks.size,
      tokensIssued,
      bodies: load.bodies.length + fuzz.bodies.length + halfOpen.opened,
      logLines: proxyOutput.length,
      // Only enough of each to recognise it: the report must not become a leak itself.
      found: [...found].map((secret) => `${secret.slice(0, 6)}…`),
    },
    faultsServed,
    loggedServerErrors: countLoggedServerErrors(proxyOutput),
  };
  const checks = soakChecks(run);
  mkdirSync(join(PROJECT_ROOT, '.tmp'), { recursive: true });
  writeFileSync(REPORT_PATH, `${JSON.stringify({ ...run, checks }, null, 2)}\n`);

  console.log(`\n${formatSoakTable(run, checks)}\n`);
  for (const sample of [...load.samples, ...fuzz.samples]) console.log(`  ${sample}`);
  console.log(`Results: ${REPORT_PATH}`);
  return checks.every((check) => check.pass !== false) ? 0 : 1;
}

/** Request log lines with a status of 500 or an unmapped 5xx (clients that hung up included). */
function countLoggedServerErrors(lines: readonly string[]): number {
  let count = 0;
  for (const line of lines) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    const entry = LogLineSchema.safeParse(parsed);
    if (entry.success && entry.data.status >= 500 && !MAPPED_5XX.has(entry.data.status)) {
      count += 1;
    }
  }
  return count;
}

// Ctrl-C or SIGTERM: stop both servers by their pids, then leave.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping the servers…`);
    stopChildren().then(
      () => process.exit(130),
      () => process.exit(130),
    );
  });
}
// Whatever happens, no server outlives the soak.
process.on('exit', () => {
  for (const child of children) child.kill();
});

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Soak failed: ${error instanceof Error ? error.message : String(error)}`);
    stopChildren().then(
      () => process.exit(1),
      () => process.exit(1),
    );
  },
);
