/**
 * Servers the proxy benchmark runs in processes of their own, so that the load generator never
 * shares their event loop: bundled with esbuild (plain `node`, no TypeScript loader in the hot
 * path), started on a free port, and stopped by their pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { build } from 'esbuild';
import * as z from 'zod/mini';
import { NODE_BUNDLE_OPTIONS } from '../scripts/build-cli';

/** The message each server entry sends its parent once it listens. */
export const ListeningMessageSchema = z.object({ url: z.string() });

/** A running server process. */
export interface ServerChild {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has exited. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;
const STDERR_TAIL_CHARS = 4_000;

/** Every child still running, killed if the bench itself exits early. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) if (child.pid !== undefined) killQuietly(child.pid, 'SIGKILL');
});

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** Bundles server entries (name → source file) into `outDir`; resolves to name → bundle. */
export async function bundleServers(
  entries: Readonly<Record<string, string>>,
  outDir: string,
): Promise<Record<string, string>> {
  await build({
    entryPoints: entries,
    outdir: outDir,
    ...NODE_BUNDLE_OPTIONS,
  });
  return Object.fromEntries(Object.keys(entries).map((name) => [name, `${outDir}/${name}.mjs`]));
}

/**
 * Starts `node bundle` with `env` (and PATH) only, its stdout thrown away (the proxy writes its
 * request log there, as in production), and resolves once it reports its URL.
 */
export function startServerChild(
  name: string,
  bundle: string,
  env: Readonly<Record<string, string>>,
): Promise<ServerChild> {
  const child = spawn(process.execPath, [bundle], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined) killQuietly(child.pid, 'SIGKILL');
      reject(new Error(`${name} did not start within ${START_TIMEOUT_MS} ms:\n${stderr}`));
    }, START_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? String(code)}) before listening:\n${stderr}`));
    });
    child.once('message', (message) => {
      const parsed = ListeningMessageSchema.safeParse(message);
      const pid = child.pid;
      if (!parsed.success || pid === undefined) return;
      clearTimeout(timer);
      resolve({
        name,
        pid,
        url: parsed.data.url,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          killQuietly(pid, 'SIGTERM');
          const timer = setTimeout(() => killQuietly(pid, 'SIGKILL'), STOP_GRACE_MS);
          await exited;
          clearTimeout(timer);
        },
      });
    });
  });
}
