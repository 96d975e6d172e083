/**
 * A server `npm run soak` runs as its own child process, so that its memory is its own: started
 * on a free port, read line by line, stopped by its pid.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A running server child. */
export interface ServerChild {
  readonly name: string;
  readonly pid: number;
  /** The URL from its start-up line. */
  readonly url: string;
  /** Whether it is still running. */
  running(): boolean;
  /** SIGTERM, then SIGKILL if it is still there after `graceMs`; safe to call twice. */
  stop(graceMs?: number): Promise<void>;
  /** The same, synchronously and without waiting: for process exit. */
  kill(): void;
}

/** How to start one. */
export interface StartChildOptions {
  readonly name: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Matches the start-up line; its first group is the URL. */
  readonly ready: RegExp;
  /** Every line it prints on stdout or stderr, the start-up line included. */
  readonly onLine: (line: string, stream: 'stdout' | 'stderr') => void;
  readonly startTimeoutMs: number;
}

/** Runs `node <args>` and resolves once it prints its start-up line. */
export function startServerChild(options: StartChildOptions): Promise<ServerChild> {
  const child = spawn(process.execPath, [...options.args], {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} printed no start-up line in ${options.startTimeoutMs} ms`));
    }, options.startTimeoutMs);
    const onLine = (stream: 'stdout' | 'stderr') => (line: string) => {
      options.onLine(line, stream);
      const url = options.ready.exec(line)?.[1];
      if (url === undefined || child.pid === undefined) return;
      clearTimeout(timer);
      resolve(serverChild(options.name, child.pid, url, () => exited, exit));
    };
    createInterface({ input: child.stdout }).on('line', onLine('stdout'));
    createInterface({ input: child.stderr }).on('line', onLine('stderr'));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited before it started (${signal ?? String(code)})`));
    });
  });
}

function serverChild(
  name: string,
  pid: number,
  url: string,
  hasExited: () => boolean,
  exit: Promise<void>,
): ServerChild {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  };
  return {
    name,
    pid,
    url,
    running: () => !hasExited(),
    async stop(graceMs = 5_000) {
      if (hasExited()) return;
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
    kill() {
      if (!hasExited()) signal('SIGKILL');
    },
  };
}
