/**
 * Shared argument handling: strict `parseArgs` whose errors become usage errors, values checked
 * with zod, and the `--` that separates igtt's options from a command to run.
 */
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { AccountSelectorSchema } from '../shared/bridge-protocol';
import { UsageError } from './cli-errors';

/** Runs a `parseArgs` call, turning its errors into a usage error for `command`. */
export function parseOrUsage<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      // Node's message goes on with advice about `--` that does not fit every command; its first
      // sentence says what is wrong.
      const first = error.message.split(/(?<=\.)\s/)[0] ?? error.message;
      throw new UsageError(first.endsWith('.') ? first : `${first}.`, command);
    }
    throw error;
  }
}

/** Checks one option's value with `schema`; a bad value is a usage error naming the flag. */
export function parseValue<T>(
  command: string,
  flag: string,
  schema: z.ZodMiniType<T>,
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const reason = result.error.issues[0]?.message ?? 'invalid value';
  throw new UsageError(`${flag}: ${reason}`, command);
}

/** `@username` or an id, as given to `--account` or as ACCOUNT; undefined stays undefined. */
export function parseAccount(
  command: string,
  flag: string,
  value: string | undefined,
): string | undefined {
  return value === undefined ? undefined : parseValue(command, flag, AccountSelectorSchema, value);
}

/** A command to run, as the words after `--`. */
const CommandWordsSchema = z
  .array(z.string())
  .check(z.minLength(1, 'Name the command to run after `--`.'));

/**
 * Splits `args` at the first `--`: igtt's options before it, the command to run after it.
 * @throws {UsageError} when there is no `--`, or nothing after it.
 */
export function splitAtDashes(
  command: string,
  args: readonly string[],
): { options: string[]; words: string[] } {
  const dashes = args.indexOf('--');
  if (dashes === -1) {
    throw new UsageError('Put `--` before the command to run, e.g. `-- ./deploy.sh`.', command);
  }
  const words = parseValue(command, '--', CommandWordsSchema, args.slice(dashes + 1));
  return { options: args.slice(0, dashes), words };
}

/** True when `--help` or `-h` comes before any `--`. */
export function asksForHelp(args: readonly string[]): boolean {
  const dashes = args.indexOf('--');
  const options = dashes === -1 ? args : args.slice(0, dashes);
  return options.includes('--help') || options.includes('-h');
}

/** An optional account, then `--` and the command to run. */
export interface AccountAndCommand {
  readonly account: string | undefined;
  readonly command: readonly string[];
}

/** Parses `[--account A] -- CMD [ARGS…]`, the shape of `igtt run` and `igtt hook add`. */
export function parseAccountAndCommand(
  command: string,
  args: readonly string[],
): AccountAndCommand {
  const { options, words } = splitAtDashes(command, args);
  const { values } = parseOrUsage(command, () =>
    parseArgs({
      args: options,
      options: { account: { type: 'string', short: 'a' } },
      strict: true,
    }),
  );
  return { account: parseAccount(command, '--account', values.account), command: words };
}
