/**
 * Runs `wxt build` in a child process into a chosen folder, so the production build in `.output`
 * that the browser tests load is never overwritten. A child keeps WXT's Vite state out of ours.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartError } from './start-error';

/** The repository root, whatever the current directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Variable that wxt.config.ts reads for its `outDir`. */
export const OUT_DIR_VARIABLE = 'IGTT_OUT_DIR';

/** Settings a fresh install starts with, baked in at build time (see utils/build-defaults.ts). */
export interface BuildDefaults {
  readonly clientId: string;
  readonly proxyUrl: string;
  readonly authorizeUrl: string;
  readonly graphUrl: string;
}

/** The browsers the extension builds for; WXT names each build `<browser>-mv3`. */
export const EXTENSION_BROWSERS = ['chrome', 'firefox'] as const;
/** One of {@link EXTENSION_BROWSERS}. */
export type ExtensionBrowser = (typeof EXTENSION_BROWSERS)[number];

/** What to build. */
export interface BuildOptions {
  /** Folder that receives `<browser>-mv3/`; relative paths start at the project root. */
  readonly outDir: string;
  /** Chrome unless told otherwise. */
  readonly browser?: ExtensionBrowser;
  /** Without defaults the build is the production one, pointed at Instagram. */
  readonly defaults?: BuildDefaults;
  /** Aborting kills the build, e.g. on Ctrl-C. */
  readonly signal?: AbortSignal;
}

const WXT_BIN = join(PROJECT_ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
const BUILD_DEFAULT_VARIABLES = [
  'WXT_CLIENT_ID',
  'WXT_PROXY_URL',
  'WXT_AUTHORIZE_URL',
  'WXT_GRAPH_URL',
] as const;
/** Enough of WXT's output to see why a build failed. */
const OUTPUT_TAIL_CHARS = 4000;

/**
 * Builds the MV3 extension for a browser and resolves with its unpacked folder.
 * @throws {StartError} `build_failed` with the tail of WXT's output.
 */
export async function buildExtension(options: BuildOptions): Promise<string> {
  const { browser = 'chrome' } = options;
  const outDir = resolve(PROJECT_ROOT, options.outDir);
  const { exitCode, output } = await run(process.execPath, [WXT_BIN, 'build', '-b', browser], {
    env: buildEnv(outDir, options.defaults),
    signal: options.signal,
  });
  if (exitCode !== 0) {
    throw new StartError(
      'build_failed',
      `wxt build failed (exit code ${exitCode}):\n${output.slice(-OUTPUT_TAIL_CHARS)}`,
    );
  }
  return join(outDir, `${browser}-mv3`);
}

/** The inherited environment, minus stray build defaults, plus this build's. */
function buildEnv(outDir: string, defaults: BuildDefaults | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, [OUT_DIR_VARIABLE]: outDir };
  for (const name of BUILD_DEFAULT_VARIABLES) delete env[name];
  // Vitest exports NODE_ENV=test, which makes Vite compile JSX for development (with source paths).
  delete env.NODE_ENV;
  if (defaults === undefined) return env;
  return {
    ...env,
    WXT_CLIENT_ID: defaults.clientId,
    WXT_PROXY_URL: defaults.proxyUrl,
    WXT_AUTHORIZE_URL: defaults.authorizeUrl,
    WXT_GRAPH_URL: defaults.graphUrl,
  };
}

function run(
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; signal: AbortSignal | undefined },
): Promise<{ exitCode: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: PROJECT_ROOT,
      env: options.env,
      signal: options.signal,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', fail);
    child.once('close', (exitCode) => done({ exitCode, output }));
  });
}
