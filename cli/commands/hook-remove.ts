/** `igtt hook remove N`: deletes hook N; its number is never given to another hook. */
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { CliFailure, UsageError } from '../cli-errors';
import { EXIT_CODES } from '../exit-codes';
import { hooksFilePath, removeHook } from '../hooks-store';
import { formatCommand } from '../shell-quote';
import { parseOrUsage, parseValue } from '../parse-options';
import type { CliCommand, CliContext } from './cli-context';

const NAME = 'hook remove';

const HookNumberSchema = z
  .string()
  .check(z.regex(/^[1-9]\d{0,8}$/, 'Give the hook number that `igtt hook list` shows.'));

/** What `igtt hook remove` was asked for. */
export interface HookRemoveOptions {
  readonly id: number;
}

/** Parses `N`. */
export function parseHookRemoveArgs(args: readonly string[]): HookRemoveOptions {
  const { positionals } = parseOrUsage(NAME, () =>
    parseArgs({ args: [...args], options: {}, strict: true, allowPositionals: true }),
  );
  const [first, ...rest] = positionals;
  if (first === undefined || rest.length > 0) {
    throw new UsageError('Give exactly one hook number.', NAME);
  }
  return { id: Number(parseValue(NAME, 'N', HookNumberSchema, first)) };
}

/** Removes the hook, or says there is none with that number. */
export async function removeHookCommand(
  options: HookRemoveOptions,
  context: CliContext,
): Promise<number> {
  const removed = await removeHook(hooksFilePath(context), options.id);
  if (removed === undefined) {
    throw new CliFailure(`There is no hook ${options.id}; \`igtt hook list\` shows them.`);
  }
  context.stdout.write(`Removed hook ${removed.id}: ${formatCommand(removed.command)}\n`);
  return EXIT_CODES.ok;
}

/** The command. */
export const hookRemoveCommand: CliCommand = {
  name: NAME,
  summary: 'delete hook N',
  usage: 'Usage: igtt hook remove N\n\nDeletes hook N (see `igtt hook list`).',
  execute: (args, context) => removeHookCommand(parseHookRemoveArgs(args), context),
};
