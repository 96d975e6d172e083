/** `igtt hook list`: each hook, its account, its command and which accounts it has had a token for. */
import { parseArgs } from 'node:util';
import { EXIT_CODES } from '../exit-codes';
import { alignColumns } from '../align-columns';
import { hooksFilePath, readHooksFile, type Hook } from '../hooks-store';
import { formatCommand } from '../shell-quote';
import { parseOrUsage } from '../parse-options';
import type { CliCommand, CliContext } from './cli-context';

const NAME = 'hook list';

/** Checks that `igtt hook list` got no arguments. */
export function parseHookListArgs(args: readonly string[]): Record<string, never> {
  parseOrUsage(NAME, () => parseArgs({ args: [...args], options: {}, strict: true }));
  return {};
}

/** The table's rows, header first. */
export function formatHookTable(hooks: readonly Hook[]): string[] {
  return alignColumns([
    ['ID', 'ACCOUNT', 'COMMAND', 'HAD A TOKEN FOR'],
    ...hooks.map((hook) => {
      const accounts = Object.keys(hook.delivered);
      return [
        String(hook.id),
        hook.account ?? 'every account',
        formatCommand(hook.command),
        accounts.length === 0 ? 'none yet' : accounts.join(', '),
      ];
    }),
  ]);
}

/** Prints the hooks, or how to add one. */
export async function listHooks(context: CliContext): Promise<number> {
  const path = hooksFilePath(context);
  const { hooks } = await readHooksFile(path);
  context.stdout.write(
    hooks.length === 0
      ? 'No hooks. Add one with `igtt hook add [--account ACCOUNT] -- CMD [ARGS…]`.\n'
      : `${formatHookTable(hooks).join('\n')}\n`,
  );
  return EXIT_CODES.ok;
}

/** The command. */
export const hookListCommand: CliCommand = {
  name: NAME,
  summary: 'the hooks, and which accounts each has had a token for',
  usage: [
    'Usage: igtt hook list',
    '',
    'Shows each hook: its number, account, command, and the account ids it has had a token for.',
  ].join('\n'),
  execute: async (args, context) => {
    parseHookListArgs(args);
    return listHooks(context);
  },
};
