/** `igtt hook add [--account A] -- CMD [ARGS…]`: a command the host runs with each new token. */
import { isAbsolute } from 'node:path';
import { EXIT_CODES } from '../exit-codes';
import { addHook, hooksFilePath } from '../hooks-store';
import { parseAccountAndCommand, type AccountAndCommand } from '../parse-options';
import { formatCommand } from '../shell-quote';
import type { CliCommand, CliContext } from './cli-context';

const NAME = 'hook add';

/** What `igtt hook add` was asked for. */
export type HookAddOptions = AccountAndCommand;

/** Parses `[--account A] -- CMD [ARGS…]`. */
export function parseHookAddArgs(args: readonly string[]): HookAddOptions {
  return parseAccountAndCommand(NAME, args);
}

/** Stores the hook and says when it will run. */
export async function addHookCommand(
  options: HookAddOptions,
  context: CliContext,
): Promise<number> {
  const hook = await addHook(hooksFilePath(context), options);
  const lines = [
    `Added hook ${hook.id} for ${hook.account ?? 'every account'}: ${formatCommand(hook.command)}`,
    'The bridge host runs it with each new token on stdin (IG_USER_ID, IG_USERNAME and IG_EXPIRES_AT set), starting with the current one.',
  ];
  const program = hook.command[0] ?? '';
  if (!isAbsolute(program)) {
    lines.push(
      `It looks ${program} up on the browser's PATH; give an absolute path if that PATH may not find it.`,
    );
  }
  context.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_CODES.ok;
}

/** The command. */
export const hookAddCommand: CliCommand = {
  name: NAME,
  summary: 'run a command with each new token on its stdin',
  usage: [
    'Usage: igtt hook add [--account ACCOUNT] -- CMD [ARGS…]',
    '',
    'While the browser runs the bridge, its host runs CMD once for each new token of ACCOUNT',
    '(every account when left out): the token on stdin, IG_USER_ID, IG_USERNAME and IG_EXPIRES_AT',
    "(ISO 8601, or empty) in the environment, CMD's output in the browser's stderr. A hook gets",
    'each token at most once, whatever its exit code. Stored in $XDG_CONFIG_HOME/igtt/hooks.json.',
    '',
    '  -a, --account ACCOUNT   @username or id',
  ].join('\n'),
  execute: (args, context) => addHookCommand(parseHookAddArgs(args), context),
};
