/**
 * `npm run size [-- --dir DIR]`: checks the production build (`.output/chrome-mv3` unless told)
 * against its exact gzip budgets, and that the popup and the options page load no zod and no WXT
 * storage. Prints one table; exits 1 with one line per broken rule, or when there is no build.
 */
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from './build-extension';
import { formatSizeTable } from './format-size-table';
import { inspectBuild } from './inspect-build';
import { judgeBundles } from './judge-bundles';

/** The folder `npm run build` writes. */
const DEFAULT_DIR = join(PROJECT_ROOT, '.output', 'chrome-mv3');

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dir: { type: 'string' } } });
  const extensionDir = values.dir === undefined ? DEFAULT_DIR : resolve(values.dir);
  try {
    await access(join(extensionDir, 'manifest.json'));
  } catch {
    console.error(`No build in ${extensionDir}: run npm run build first.`);
    return 1;
  }

  const parts = await inspectBuild(extensionDir);
  console.log(formatSizeTable(parts));

  const problems = judgeBundles(parts);
  if (problems.length === 0) {
    console.log('Within budget; the popup and the options page load no zod or wxt storage.');
    return 0;
  }
  for (const problem of problems) console.error(problem);
  return 1;
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    console.error(`Size check failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
