/** Runs the built `igtt` command the way a user's shell would, in an isolated home. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The bundled command that `npm run build:cli` writes. */
export const IGTT_BIN = resolve('cli/dist/igtt.mjs');

/** What one run printed and how it ended. */
export interface IgttResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A private home for the command line: its socket, hooks and launcher live in temp folders. */
export interface IgttHome {
  /** The environment both the browser (and so the host) and the command line run with. */
  env: { HOME: string; XDG_CONFIG_HOME: string; XDG_DATA_HOME: string; IGTT_SOCKET: string };
  /** Runs `igtt args…` and resolves when it exits, whatever its exit code. */
  run(args: readonly string[], extraEnv?: Record<string, string>): Promise<IgttResult>;
  remove(): Promise<void>;
}

/** Creates the temp folders and the environment that points every igtt path into them. */
export async function createIgttHome(): Promise<IgttHome> {
  const root = await mkdtemp(join(tmpdir(), 'igtt-home-'));
  const env = {
    HOME: root,
    XDG_CONFIG_HOME: join(root, 'config'),
    XDG_DATA_HOME: join(root, 'data'),
    IGTT_SOCKET: join(root, 'run', 'igtt', 'bridge.sock'),
  };
  return {
    env,
    run: (args, extraEnv = {}) =>
      new Promise((done) => {
        execFile(
          process.execPath,
          [IGTT_BIN, ...args],
          { env: { ...process.env, ...env, ...extraEnv }, timeout: 60_000 },
          (error, stdout, stderr) => {
            const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
            done({ code, stdout, stderr });
          },
        );
      }),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
