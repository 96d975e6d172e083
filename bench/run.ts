/**
 * `npm run bench`: bundle sizes against hard budgets, then timings that are each compared with a
 * reference measured in the same run (this machine is noisy; medians are quoted). Prints a table,
 * writes the same results to `.tmp/bench.json`, and exits 1 when a size budget is broken.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExtension, PROJECT_ROOT } from '../scripts/build-extension';
import { findChromium } from '../scripts/find-chromium';
import { formatSizeTable } from '../scripts/format-size-table';
import { inspectBuild } from '../scripts/inspect-build';
import { judgeBundles } from '../scripts/judge-bundles';
import { measurePopupOpen, type PopupOpen } from './popup-open';
import { measureProxyOverhead } from './proxy-overhead';
import { cliSection, popupSection, proxySection, vaultSection } from './report';
import { measureCliRoundTrip, type CliRoundTrip } from './cli-round-trip';
import { measureVaultCrypto } from './vault-crypto';

const RESULTS_FILE = join(PROJECT_ROOT, '.tmp', 'bench.json');

async function main(): Promise<number> {
  const buildDir = await mkdtemp(join(tmpdir(), 'igtt-bench-'));
  try {
    console.log('Building the production extension into a temporary folder…');
    const extensionDir = await buildExtension({ outDir: buildDir });

    const parts = await inspectBuild(extensionDir);
    console.log(`\n${formatSizeTable(parts)}\n`);

    console.log('Timing code exchanges…');
    const proxy = await measureProxyOverhead();
    console.log(`\n${proxySection(proxy)}\n`);

    console.log('Timing vault crypto…');
    const vault = await measureVaultCrypto();
    console.log(`\n${vaultSection(vault)}\n`);

    const chromium = findChromium();
    let popupOpen: PopupOpen | { skipped: string };
    let cli: CliRoundTrip | { skipped: string };
    if (chromium === undefined) {
      popupOpen = { skipped: 'no Chromium found (set CHROMIUM_PATH)' };
      cli = popupOpen;
      console.log(`Popup open and igtt times: SKIPPED, ${popupOpen.skipped}.`);
    } else {
      console.log('Timing popup opens in Chromium…');
      popupOpen = await measurePopupOpen(extensionDir);
      console.log(`\n${popupSection(popupOpen)}\n`);
      console.log('Timing igtt token round trips…');
      cli = await measureCliRoundTrip(extensionDir);
      console.log(`\n${cliSection(cli)}\n`);
    }

    await mkdir(join(PROJECT_ROOT, '.tmp'), { recursive: true });
    const results = {
      date: new Date().toISOString(),
      machine: { node: process.version, platform: process.platform, cpus: availableParallelism() },
      bundles: parts.map((part) => part.size),
      proxy,
      vault,
      popupOpen,
      cli,
    };
    await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`Results written to ${RESULTS_FILE}`);

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
    console.error(`Bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
