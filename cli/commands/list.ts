/** `igtt list [--json]`: the accounts the command line may read. */
import { parseArgs } from 'node:util';
import { BridgeDataSchemas } from '../../shared/bridge-protocol';
import { askBridge } from '../bridge-client';
import { EXIT_CODES } from '../exit-codes';
import { accountAsJson, formatAccountTable } from '../format-accounts';
import { parseOrUsage } from '../parse-options';
import { bridgeConnection } from './bridge-connection';
import type { CliCommand, CliContext } from './cli-context';

const NAME = 'list';

/** What `igtt list` was asked for. */
export interface ListOptions {
  readonly json: boolean;
}

/** Parses `[--json]`. */
export function parseListArgs(args: readonly string[]): ListOptions {
  const { values } = parseOrUsage(NAME, () =>
    parseArgs({ args: [...args], options: { json: { type: 'boolean' } }, strict: true }),
  );
  return { json: values.json === true };
}

/** Prints the accounts as a table, or as a JSON array for scripts. */
export async function printAccounts(options: ListOptions, context: CliContext): Promise<number> {
  const { accounts } = await askBridge(
    { type: 'list' },
    BridgeDataSchemas.list,
    bridgeConnection(context),
  );
  if (options.json) {
    context.stdout.write(`${JSON.stringify(accounts.map(accountAsJson), null, 2)}\n`);
  } else if (accounts.length === 0) {
    context.stdout.write(
      'No account can be read from the command line: connect one in the popup, or allow one in Settings → Command-line access.\n',
    );
  } else {
    context.stdout.write(`${formatAccountTable(accounts, context.now()).join('\n')}\n`);
  }
  return EXIT_CODES.ok;
}

/** The command. */
export const listCommand: CliCommand = {
  name: NAME,
  summary: 'the accounts: username, id, status, expiry',
  usage: [
    'Usage: igtt list [--json]',
    '',
    'Lists the accounts the command line may read: username, id, status and expiry.',
    '',
    '  --json   a JSON array of {username, id, status, expiresAt (ISO 8601 or null), scopes}',
  ].join('\n'),
  execute: (args, context) => printAccounts(parseListArgs(args), context),
};
