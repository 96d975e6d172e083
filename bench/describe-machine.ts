/** What the figures were measured on, for results.json and BENCHMARKS.md. */
import { execFile } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import type { Machine } from './results-schema';

const VERSION_TIMEOUT_MS = 15_000;

/** `chromium --version`, first line, or null when it cannot be run. */
function chromiumVersion(executable: string | undefined): Promise<string | null> {
  if (executable === undefined) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(executable, ['--version'], { timeout: VERSION_TIMEOUT_MS }, (error, stdout) => {
      // Debian's wrapper script prints a harmless shell warning on stderr; stdout is the version.
      const line = stdout.split('\n').find((text) => /\d+\.\d+/.test(text));
      resolve(error === null && line !== undefined ? line.trim() : null);
    });
  });
}

/** Node, OS, CPU count and model, and the Chromium version (null when there is none). */
export async function describeMachine(chromiumPath: string | undefined): Promise<Machine> {
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    chromium: await chromiumVersion(chromiumPath),
  };
}
