/**
 * The Workers entry in the real Workers runtime: `proxy/worker.ts` bundled by esbuild (ESM, no
 * Node built-ins, as `wrangler deploy` would ship it) and served by workerd through Miniflare on a
 * free loopback port, with the compatibility date of `proxy/wrangler.toml`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { build } from 'esbuild';
import { Miniflare, PeriodType } from 'miniflare';
import type { ContractProxy } from './proxy-contract';

const PROXY_DIR = join(import.meta.dirname, '../../proxy');

/** The bundled Worker and what it imports from outside the bundle (nothing, if all is well). */
export interface WorkerBundle {
  readonly scriptPath: string;
  readonly externalImports: readonly string[];
}

/** Bundles `proxy/worker.ts` into `outDir/worker.mjs` for a browser-like platform. */
export async function bundleWorker(outDir: string): Promise<WorkerBundle> {
  const scriptPath = join(outDir, 'worker.mjs');
  const result = await build({
    entryPoints: [join(PROXY_DIR, 'worker.ts')],
    outfile: scriptPath,
    bundle: true,
    format: 'esm',
    // `browser` refuses Node built-ins at build time, as the Workers runtime would at load time.
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
  });
  const externalImports = Object.values(result.metafile.outputs).flatMap((output) =>
    output.imports.filter((entry) => entry.external === true).map((entry) => entry.path),
  );
  return { scriptPath, externalImports };
}

/** The `compatibility_date` the example wrangler.toml deploys with. */
export function wranglerCompatibilityDate(): string {
  const toml = readFileSync(join(PROXY_DIR, 'wrangler.toml'), 'utf8');
  const date = /^compatibility_date\s*=\s*"(\d{4}-\d{2}-\d{2})"/m.exec(toml)?.[1];
  if (date === undefined) throw new Error('proxy/wrangler.toml names no compatibility_date');
  return date;
}

/** A Worker served by workerd, and everything it wrote to stdout and stderr. */
export interface WorkerdProxy extends ContractProxy {
  output(): string;
}

/** How to run the bundled Worker. */
export interface StartWorkerdOptions {
  readonly scriptPath: string;
  /** The Worker's string variables and secrets. */
  readonly variables: Readonly<Record<string, string>>;
  /** Adds the `RATE_LIMITER` binding with this limit per minute; absent: no binding. */
  readonly rateLimitBindingPerMinute?: number;
}

/** Starts workerd with the Worker on 127.0.0.1 and a free port. */
export async function startWorkerdProxy(options: StartWorkerdOptions): Promise<WorkerdProxy> {
  let output = '';
  const collect = (stream: Readable) =>
    stream.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const miniflare = new Miniflare({
    modules: true,
    scriptPath: options.scriptPath,
    // Module names are relative to this root; the default (the working directory) cannot reach
    // a bundle in the system's temporary directory.
    modulesRoot: dirname(options.scriptPath),
    compatibilityDate: wranglerCompatibilityDate(),
    host: '127.0.0.1',
    port: 0,
    // The placeholder `request.cf`, instead of a download this machine cannot make.
    cf: false,
    bindings: options.variables,
    ...(options.rateLimitBindingPerMinute === undefined
      ? {}
      : {
          ratelimits: {
            RATE_LIMITER: {
              simple: { limit: options.rateLimitBindingPerMinute, period: PeriodType.MINUTE },
            },
          },
        }),
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      collect(stdout);
      collect(stderr);
    },
  });
  try {
    const url = await miniflare.ready;
    return { url: url.origin, output: () => output, close: () => miniflare.dispose() };
  } catch (error) {
    // workerd explains a failed start on its own stderr, which is collected above.
    throw new Error(`workerd did not start: ${output.trim() || 'it printed nothing'}`, {
      cause: error,
    });
  }
}
