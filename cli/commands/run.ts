/**
 * `igtt run [--account A] -- CMD [ARGS…]`: runs CMD with the token in its environment and exits
 * with CMD's exit code, so `igtt run -- ./deploy.sh` can stand in for `./deploy.sh` anywhere.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { BridgeDataSchemas } from '../../shared/bridge-protocol';
import { askBridge } from '../bridge-client';
import { CliFailure } from '../cli-errors';
import { errnoCode } from '../errno-code';
import { parseAccountAndCommand, type AccountAndCommand } from '../parse-options';
import { bridgeConnection } from './bridge-connection';
import type { CliCommand, CliContext } from './cli-context';

const NAME = 'run';

/** The shell's codes for a command that could not be started. */
const NOT_EXECUTABLE = 126;
const NOT_FOUND = 127;

/** Signals sent to igtt alone: passed on to CMD, so that stopping igtt stops CMD. */
const FORWARDED_SIGNALS = ['SIGTERM', 'SIGHUP'] as const;
/**
 * Signals a terminal sends to the whole foreground group, CMD included: igtt only waits on, so
 * that it can still exit with CMD's code, as if CMD had replaced it.
 */
const GROUP_SIGNALS = ['SIGINT', 'SIGQUIT'] as const;
const ignore = () => undefined;

/** What `igtt run` was asked for. */
export type RunOptions = AccountAndCommand;

/** Parses `[--account A] -- CMD [ARGS…]`. */
export function parseRunArgs(args: readonly string[]): RunOptions {
  return parseAccountAndCommand(NAME, args);
}

/** Exit code for a process that ended with `code`, or 128 + the number of the signal that ended it. */
export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const number = signal === null ? undefined : constants.signals[signal];
  return 128 + (number ?? 0);
}

/** Gets the token, then runs the command with it and resolves with the command's exit code. */
export async function runWithToken(options: RunOptions, context: CliContext): Promise<number> {
  const data = await askBridge(
    { type: 'token', ...(options.account === undefined ? {} : { account: options.account }) },
    BridgeDataSchemas.token,
    bridgeConnection(context),
  );
  const [program, ...programArgs] = options.command;
  if (program === undefined) throw new CliFailure('Name the command to run after `--`.');
  // The token goes in the environment only: argv is readable by every user through /proc.
  const child = spawn(program, programArgs, {
    stdio: 'inherit',
    shell: false,
    cwd: context.cwd,
    env: {
      ...context.env,
      IG_ACCESS_TOKEN: data.token,
      IG_USER_ID: data.account.id,
      IG_USERNAME: data.account.username,
    },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  for (const signal of GROUP_SIGNALS) process.on(signal, ignore);
  try {
    return await new Promise<number>((resolve, reject) => {
      child.once('error', (error) => {
        const code = errnoCode(error);
        if (code === 'ENOENT') {
          context.stderr.write(`igtt: ${program}: command not found.\n`);
          resolve(NOT_FOUND);
        } else if (code === 'EACCES') {
          context.stderr.write(`igtt: ${program}: permission denied.\n`);
          resolve(NOT_EXECUTABLE);
        } else {
          reject(new CliFailure(`Cannot run ${program}: ${error.message}`, { cause: error }));
        }
      });
      child.once('exit', (code, signal) => resolve(exitCodeOf(code, signal)));
    });
  } finally {
    for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
    for (const signal of GROUP_SIGNALS) process.off(signal, ignore);
  }
}

/** The command. */
export const runCommand: CliCommand = {
  name: NAME,
  summary: 'run a command with IG_ACCESS_TOKEN, IG_USER_ID and IG_USERNAME set',
  usage: [
    'Usage: igtt run [--account ACCOUNT] -- CMD [ARGS…]',
    '',
    'Runs CMD with IG_ACCESS_TOKEN, IG_USER_ID and IG_USERNAME added to its environment, and',
    "exits with CMD's exit code (128 + the signal number when a signal ended it).",
    '',
    '  -a, --account ACCOUNT   @username or id; may be left out when there is one account',
  ].join('\n'),
  execute: (args, context) => runWithToken(parseRunArgs(args), context),
};
