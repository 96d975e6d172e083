/** `igtt`'s dispatcher: finds the command, prints help, and turns any failure into one line and an exit code. */
import { UsageError } from './cli-errors';
import type { CliCommand, CliContext } from './commands/cli-context';
import { hookAddCommand } from './commands/hook-add';
import { hookListCommand } from './commands/hook-list';
import { hookRemoveCommand } from './commands/hook-remove';
import { installCommand } from './commands/install';
import { listCommand } from './commands/list';
import { runCommand } from './commands/run';
import { statusCommand } from './commands/status';
import { tokenCommand } from './commands/token';
import { uninstallCommand } from './commands/uninstall';
import { describeFailure, EXIT_CODES, formatFailureLine } from './exit-codes';
import { alignColumns } from './align-columns';
import { asksForHelp } from './parse-options';

/** Every command, in the order `igtt --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  installCommand,
  uninstallCommand,
  statusCommand,
  listCommand,
  tokenCommand,
  runCommand,
  hookAddCommand,
  hookListCommand,
  hookRemoveCommand,
];

/** `igtt --help`. */
export const MAIN_USAGE = [
  'igtt: the live token of Token Tool for Instagram, for scripts, servers and CI.',
  '',
  'Usage: igtt COMMAND [OPTIONS]',
  '',
  'Commands:',
  ...alignColumns(COMMANDS.map((command) => [command.name, command.summary])).map(
    (line) => `  ${line}`,
  ),
  '',
  'Run `igtt COMMAND --help` for its options. ACCOUNT is @username or the account id.',
  'Exit codes: 0 ok, 1 other failure, 2 usage, 3 bridge unreachable, 4 vault locked,',
  '5 command-line access off or account not allowed, 6 token expired or revoked,',
  '7 no such account, or several and none named.',
  'IGTT_SOCKET overrides the socket path ($XDG_RUNTIME_DIR/igtt/bridge.sock by default).',
].join('\n');

const HOOK_USAGE = [
  'Usage: igtt hook add [--account ACCOUNT] -- CMD [ARGS…]',
  '       igtt hook list',
  '       igtt hook remove N',
  '',
  'Hooks are commands the bridge host runs with each new token on stdin.',
].join('\n');

/** Splits argv into the command's name (`token`, `hook add`) and its own arguments. */
function findCommand(argv: readonly string[]): { command: CliCommand; args: readonly string[] } {
  const [first, second, ...rest] = argv;
  const [name, args] =
    first === 'hook' ? [`hook ${second ?? ''}`, rest] : [first ?? '', argv.slice(1)];
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    throw first === 'hook'
      ? new UsageError(
          second === undefined
            ? 'Say add, list or remove after `hook`.'
            : `Unknown command "hook ${second}".`,
          'hook',
        )
      : new UsageError(`Unknown command "${first ?? ''}".`);
  }
  return { command, args };
}

/** Runs `igtt` with `argv` (without node and the script) and resolves with the exit code. */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  try {
    const [first, second] = argv;
    if (first === undefined) {
      context.stderr.write(`${MAIN_USAGE}\n`);
      return EXIT_CODES.usage;
    }
    if (first === '--help' || first === '-h' || (first === 'help' && second === undefined)) {
      context.stdout.write(`${MAIN_USAGE}\n`);
      return EXIT_CODES.ok;
    }
    if (first === 'help') return await runCli([...argv.slice(1), '--help'], context);
    if (first === 'hook' && (second === '--help' || second === '-h')) {
      context.stdout.write(`${HOOK_USAGE}\n`);
      return EXIT_CODES.ok;
    }
    const { command, args } = findCommand(argv);
    if (asksForHelp(args)) {
      context.stdout.write(`${command.usage}\n`);
      return EXIT_CODES.ok;
    }
    return await command.execute(args, context);
  } catch (error) {
    const report = describeFailure(error);
    context.stderr.write(formatFailureLine(report));
    return report.exitCode;
  }
}
