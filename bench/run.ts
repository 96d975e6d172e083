/**
 * `npm run bench [-- --quick]`: the figures of issue 14. Bundle sizes against hard budgets, then
 * timings that are each compared with a reference measured in the same run (this machine is
 * noisy; medians are quoted). Prints the tables, writes results.json, the popup render chart and
 * BENCHMARKS.md (a full run: into the repository; `--quick`: under `.tmp/bench/`), and exits 1
 * only when a size budget is broken: timings inform, they never fail the run.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildExtension, PROJECT_ROOT } from '../scripts/build-extension';
import { findChromium } from '../scripts/find-chromium';
import { formatSizeTable } from '../scripts/format-size-table';
import { inspectBuild } from '../scripts/inspect-build';
import { judgeBundles } from '../scripts/judge-bundles';
import { planBench, type BenchPlan } from './bench-plan';
import { measureInBrowser } from './browser-figures';
import { measureCliRoundTrip } from './cli-round-trip';
import { describeMachine } from './describe-machine';
import { judgeFigures } from './judge-figures';
import { formatLikeRepo } from './prettier-format';
import { measureProxyThroughput } from './proxy-throughput';
import { renderPopupChart } from './render-chart';
import {
  browserSection,
  cliSection,
  figuresSection,
  proxySection,
  renderSection,
  vaultNodeSection,
} from './report';
import { BenchResultsSchema, type BenchResults } from './results-schema';
import { measureVaultCrypto } from './vault-crypto';
import { BENCH_FILES, writeBenchmarksMarkdown } from './write-benchmarks-md';

const started = performance.now();

function progress(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.error(`[bench ${seconds} s] ${message}`);
}

function print(table: string): void {
  console.log(`\n${table}\n`);
}

/** Writes results, chart and markdown where the plan says; returns the files written. */
async function writeOutputs(plan: BenchPlan, results: BenchResults): Promise<string[]> {
  const { outputs } = plan;
  await mkdir(dirname(outputs.results), { recursive: true });
  const json = `${JSON.stringify(BenchResultsSchema.parse(results), null, 2)}\n`;
  await writeFile(outputs.results, await formatLikeRepo(json, outputs.results));
  const written = [outputs.results];
  let chart: string | null = null;
  if (!('skipped' in results.browser)) {
    const points = results.browser.render.map((point) => ({
      accounts: point.accounts,
      popupMs: point.popup.medianMs,
      referenceMs: point.reference.medianMs,
      extensionCopyMs: point.extensionCopy.medianMs,
    }));
    await writeFile(outputs.chart, renderPopupChart(points));
    chart = outputs.chart;
    written.push(chart);
  }
  await writeBenchmarksMarkdown({
    results: outputs.results,
    chart,
    notes: BENCH_FILES.notes,
    markdown: outputs.markdown,
  });
  written.push(outputs.markdown);
  return written;
}

async function main(): Promise<number> {
  let plan: BenchPlan;
  try {
    plan = planBench(process.argv.slice(2), PROJECT_ROOT);
  } catch (error) {
    console.error(
      `${error instanceof Error ? error.message : String(error)}\nUsage: npm run bench [-- --quick]`,
    );
    return 2;
  }
  const buildDir = await mkdtemp(join(tmpdir(), 'igtt-bench-'));
  try {
    progress(`${plan.mode} run. Building the production extension into a temporary folder…`);
    const extensionDir = await buildExtension({ outDir: buildDir });
    const parts = await inspectBuild(extensionDir);
    print(formatSizeTable(parts));

    progress('Proxy throughput: proxy, bare forwarder and upstream stub in their own processes…');
    const proxyThroughput = await measureProxyThroughput(plan);
    print(proxySection(proxyThroughput));

    progress('Vault crypto in Node…');
    const vaultNode = await measureVaultCrypto(plan.sealIterations, plan.unlockIterations);
    print(vaultNodeSection(vaultNode));

    const chromium = findChromium();
    let browser: BenchResults['browser'];
    let cli: BenchResults['cli'];
    if (chromium === undefined) {
      browser = { skipped: 'no Chromium found (set CHROMIUM_PATH)' };
      cli = browser;
      progress(`Browser and igtt figures SKIPPED: ${browser.skipped}.`);
    } else {
      browser = await measureInBrowser(extensionDir, plan, progress);
      print(renderSection(browser));
      print(browserSection(browser));
      progress('igtt round trips with the browser running…');
      cli = await measureCliRoundTrip(extensionDir, plan.cliRuns);
      print(cliSection(cli));
    }

    const results: BenchResults = {
      date: new Date().toISOString(),
      mode: plan.mode,
      machine: await describeMachine(chromium),
      bundles: parts.map((part) => ({ ...part.size, files: [...part.size.files] })),
      proxyThroughput,
      vaultNode,
      browser,
      cli,
    };
    const written = await writeOutputs(plan, results);
    print(figuresSection(judgeFigures(results)));
    console.log(`Written: ${written.map((file) => file.replace(PROJECT_ROOT, '')).join(', ')}`);
    progress('Done.');

    const problems = judgeBundles(parts);
    for (const problem of problems) console.error(problem);
    return problems.length === 0 ? 0 : 1;
  } finally {
    await rm(buildDir, { recursive: true, force: true });
  }
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    console.error(
      `Bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
