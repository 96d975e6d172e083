/**
 * Opening 100 sealed tokens in Chromium's WebCrypto with a key already in memory, as the vault
 * does for the popup's masked tokens, against bare AES-GCM decryption of the same bytes. The
 * extension's envelope code is bundled by esbuild into a page served from loopback.
 */
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { PROJECT_ROOT } from '../scripts/build-extension';
import type { BenchPlan } from './bench-plan';
import type { PageServer } from './page-server';
import type { VaultOpen } from './results-schema';
import { measureRounds, summarise } from './stats';

/** The extension's `@/…` imports point at the project root, as in wxt's generated tsconfig. */
const projectAlias: Plugin = {
  name: 'project-alias',
  setup(builder) {
    builder.onResolve({ filter: /^@\// }, (args) =>
      builder.resolve(`./${args.path.slice(2)}`, { kind: args.kind, resolveDir: PROJECT_ROOT }),
    );
  },
};

/** Bundles the page script: ES2022 in one IIFE, with zod and the envelope code inside. */
async function bundlePageScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'vault-open-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    plugins: [projectAlias],
    logLevel: 'warning',
  });
  const script = result.outputFiles[0]?.text;
  if (script === undefined) throw new Error('esbuild wrote no vault page script.');
  return script;
}

/** Prepares `tokens` sealed tokens in a fresh page, then times both ways, alternating. */
export async function measureVaultOpen(
  context: BrowserContext,
  pages: PageServer,
  tokens: number,
  plan: BenchPlan,
): Promise<VaultOpen> {
  pages.setPage('/vault.js', await bundlePageScript(), 'text/javascript; charset=utf-8');
  const url = pages.setPage(
    '/vault.html',
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vault</title><script src="/vault.js"></script></head><body></body></html>',
  );
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.evaluate((count) => {
      if (!window.igttVaultBench) throw new Error('The vault page script did not load.');
      return window.igttVaultBench.prepare(count);
    }, tokens);
    // Timed in the page, so the round trip to it is not counted.
    const time = (method: 'openAll' | 'decryptAll') =>
      page.evaluate((name) => {
        if (!window.igttVaultBench) throw new Error('The vault page script did not load.');
        return window.igttVaultBench[name]();
      }, method);
    const open = () => time('openAll');
    const bare = () => time('decryptAll');
    const rounds = await measureRounds(plan.warmUps, plan.vaultRuns, async (round) => {
      if (round % 2 === 0) {
        const envelopeMs = await open();
        return { envelopeMs, bareMs: await bare() };
      }
      const bareMs = await bare();
      return { envelopeMs: await open(), bareMs };
    });
    return {
      tokens,
      envelope: summarise(rounds.map((round) => round.envelopeMs)),
      bare: summarise(rounds.map((round) => round.bareMs)),
    };
  } finally {
    await page.close();
  }
}
