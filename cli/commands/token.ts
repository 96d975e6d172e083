/** `igtt token [ACCOUNT] [--format F]`: prints the live token, and nothing else, on stdout. */
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { BridgeDataSchemas } from '../../shared/bridge-protocol';
import { TOKEN_FORMAT_IDS, TOKEN_FORMATS, type TokenFormat } from '../../shared/token-formats';
import { askBridge } from '../bridge-client';
import { UsageError } from '../cli-errors';
import { EXIT_CODES } from '../exit-codes';
import { parseAccount, parseOrUsage, parseValue } from '../parse-options';
import { bridgeConnection } from './bridge-connection';
import type { CliCommand, CliContext } from './cli-context';

const NAME = 'token';

/** What `igtt token` was asked for. */
export interface TokenOptions {
  readonly account: string | undefined;
  readonly format: TokenFormat['id'];
}

const FormatSchema = z.enum(TOKEN_FORMAT_IDS, `Use one of ${TOKEN_FORMAT_IDS.join(', ')}.`);

/** Parses `[ACCOUNT] [--format F]`. */
export function parseTokenArgs(args: readonly string[]): TokenOptions {
  const { values, positionals } = parseOrUsage(NAME, () =>
    parseArgs({
      args: [...args],
      options: { format: { type: 'string', short: 'f' } },
      strict: true,
      allowPositionals: true,
    }),
  );
  if (positionals.length > 1) throw new UsageError('Name at most one account.', NAME);
  return {
    account: parseAccount(NAME, 'ACCOUNT', positionals[0]),
    format: parseValue(NAME, '--format', FormatSchema, values.format ?? 'raw'),
  };
}

/** Asks for the token and prints it in the chosen format. */
export async function printToken(options: TokenOptions, context: CliContext): Promise<number> {
  const data = await askBridge(
    { type: 'token', ...(options.account === undefined ? {} : { account: options.account }) },
    BridgeDataSchemas.token,
    bridgeConnection(context),
  );
  const format = TOKEN_FORMATS.find((candidate) => candidate.id === options.format);
  if (format === undefined) throw new UsageError(`Unknown format ${options.format}.`, NAME);
  context.stdout.write(`${format.render(data.token, data.account, data.graphUrl)}\n`);
  return EXIT_CODES.ok;
}

/** The command. */
export const tokenCommand: CliCommand = {
  name: NAME,
  summary: 'print the live token (raw, header, curl, env or json)',
  usage: [
    'Usage: igtt token [ACCOUNT] [--format raw|header|curl|env|json]',
    '',
    'Prints the live token of ACCOUNT (@username or id) on stdout, followed by a newline.',
    'ACCOUNT may be left out when the command line can read one account only.',
    '',
    '  -f, --format F   raw (default), header (Authorization: Bearer …), curl, env (.env line), json',
  ].join('\n'),
  execute: (args, context) => printToken(parseTokenArgs(args), context),
};
