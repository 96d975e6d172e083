/**
 * `npm run build:cli` (and `postinstall`): bundles the `igtt` CLI and its native messaging host
 * into cli/dist/igtt.mjs and cli/dist/igtt-host.mjs: ESM for Node 20, executable, with zod
 * inside, so that the host the browser starts needs nothing but node.
 */
import { chmod, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where `npm run build:cli` writes; package.json's `bin` points into it. */
export const CLI_DIST_DIR = join(PROJECT_ROOT, 'cli', 'dist');

/** The entry points, by the name of the file each becomes. */
const ENTRIES = {
  igtt: join(PROJECT_ROOT, 'cli', 'igtt.ts'),
  'igtt-host': join(PROJECT_ROOT, 'cli', 'igtt-host.ts'),
};

/** How a Node 20 program of this repository is bundled: one ESM file per entry, `.mjs`. */
export const NODE_BUNDLE_OPTIONS = {
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
} as const satisfies BuildOptions;

/** Builds both bundles into an emptied `outDir` and returns their paths. */
export async function buildCli(outDir = CLI_DIST_DIR): Promise<{ cli: string; host: string }> {
  await rm(outDir, { recursive: true, force: true });
  await build({
    entryPoints: ENTRIES,
    outdir: outDir,
    ...NODE_BUNDLE_OPTIONS,
    banner: { js: '#!/usr/bin/env node' },
    // The bundle is read when something breaks in a user's browser; keep it readable.
    minify: false,
    legalComments: 'none',
  });
  const cli = join(outDir, 'igtt.mjs');
  const host = join(outDir, 'igtt-host.mjs');
  await chmod(cli, 0o755);
  await chmod(host, 0o755);
  return { cli, host };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { cli, host } = await buildCli();
  console.log(`Built ${cli} and ${host}`);
}
