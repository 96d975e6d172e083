/**
 * The real bundles, built once per test file into a temporary folder by the same function as
 * `npm run build:cli`, so the tests run what the browser and the user run, never a stale build.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../../scripts/build-cli';

/** Paths of one build. */
export interface BuiltCli {
  readonly cli: string;
  readonly host: string;
  remove(): void;
}

/** Builds both bundles into a fresh temporary folder. */
export async function buildTemporaryCli(): Promise<BuiltCli> {
  const root = mkdtempSync(join(tmpdir(), 'igtt-build-'));
  const { cli, host } = await buildCli(join(root, 'dist'));
  return { cli, host, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** How a spawned CLI ended and what it printed. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node script args…` with exactly `env` and resolves when it exits. */
export function runScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  cwd?: string,
): Promise<CliResult> {
  const child = spawn(process.execPath, [script, ...args], { env, cwd, stdio: 'pipe' });
  child.stdin.end();
  return collectExit(child);
}

/** Collects a child's output until it exits. */
export function collectExit(child: ChildProcessWithoutNullStreams): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
