/**
 * Runs one hook command: no shell, the token on stdin (then stdin closed), never in argv or the
 * environment, and the command's output on the host's stderr. Stdout belongs to the port, and a
 * hook that prints there would break it.
 */
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import type { Writable } from 'node:stream';
import type { BridgeAccount } from '../../shared/bridge-protocol';
import { errnoCode } from '../errno-code';
import type { Environment } from '../user-dirs';

/** How long one hook may run before it is stopped. */
export const HOOK_TIMEOUT_MS = 60_000;
/** How long a stopped hook has between SIGTERM and SIGKILL. */
export const HOOK_KILL_GRACE_MS = 5_000;

/** How a run ended. */
export interface HookRun {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly ok: boolean;
  /** Why the command did not run or was stopped (ENOENT, timeout). */
  readonly failure?: string;
  readonly durationMs: number;
}

/** What to run, with what, where. */
export interface HookCommandOptions {
  readonly command: readonly string[];
  readonly token: string;
  readonly account: BridgeAccount;
  readonly env: Environment;
  readonly cwd?: string;
  /** Where the hook's stdout and stderr go: the host's stderr. */
  readonly output?: Writable;
  readonly timeoutMs?: number;
  readonly killGraceMs?: number;
}

/** The environment a hook gets: the host's, plus the account's facts, and never a token. */
export function hookEnvironment(env: Environment, account: BridgeAccount): NodeJS.ProcessEnv {
  const { IG_ACCESS_TOKEN: _dropped, ...rest } = env;
  return {
    ...rest,
    IG_USER_ID: account.id,
    IG_USERNAME: account.username,
    IG_EXPIRES_AT: account.expiresAt === null ? '' : new Date(account.expiresAt).toISOString(),
  };
}

/** Runs the command and resolves when it exits, fails to start, or is stopped; never rejects. */
export function runHookCommand(options: HookCommandOptions): Promise<HookRun> {
  const started = Date.now();
  const [program, ...args] = options.command;
  const output = options.output ?? process.stderr;
  const timeoutMs = options.timeoutMs ?? HOOK_TIMEOUT_MS;
  return new Promise((resolve) => {
    if (program === undefined) {
      resolve({ exitCode: null, signal: null, ok: false, failure: 'no command', durationMs: 0 });
      return;
    }
    let failure: string | undefined;
    let settled = false;
    const child = spawn(program, args, {
      shell: false,
      // The host's own folder is the browser's choice; a hook starts where the user lives.
      cwd: options.cwd ?? homedir(),
      env: hookEnvironment(options.env, options.account),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(stopTimer);
      clearTimeout(killTimer);
      resolve({
        exitCode,
        signal,
        ok: exitCode === 0 && failure === undefined,
        ...(failure === undefined ? {} : { failure }),
        durationMs: Date.now() - started,
      });
    };
    let killTimer: NodeJS.Timeout | undefined;
    const stopTimer = setTimeout(() => {
      failure = `timed out after ${Math.round(timeoutMs / 1000)} s`;
      child.kill('SIGTERM');
      killTimer = setTimeout(
        () => child.kill('SIGKILL'),
        options.killGraceMs ?? HOOK_KILL_GRACE_MS,
      );
    }, timeoutMs);
    child.stdout.pipe(output, { end: false });
    child.stderr.pipe(output, { end: false });
    // A hook that exits without reading stdin makes the write fail with EPIPE; that is its choice.
    child.stdin.on('error', () => undefined);
    // No trailing newline: `gh secret set` and friends store stdin as it is.
    child.stdin.end(options.token);
    child.once('error', (error) => {
      failure = errnoCode(error) ?? error.message;
      finish(null, null);
    });
    child.once('exit', (code, signal) => finish(code, signal));
  });
}
