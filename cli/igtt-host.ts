/**
 * The native messaging host's entry: wiring only. The browser starts it (through the launcher
 * that `igtt install` writes) with the caller's origin or add-on id as arguments; stdin and stdout
 * are the port, stderr is the browser's stderr.
 */
import { Console } from 'node:console';
import { stderrLog } from './host/host-log';
import { runHost } from './host/run-host';
import { currentUserDirs } from './user-dirs';

// Stdout carries frames only: a stray console.log anywhere would break the port, so console
// writes to stderr in this process.
globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });

const stop = new AbortController();
// The browser may end the host with a signal rather than by closing the port; the socket is
// cleaned up either way.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.once(signal, () => stop.abort());
}

const code = await runHost({
  input: process.stdin,
  output: process.stdout,
  errorOutput: process.stderr,
  dirs: currentUserDirs(),
  log: stderrLog(process.stderr),
  args: process.argv.slice(2),
  signal: stop.signal,
});
process.exit(code);
