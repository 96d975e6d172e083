/** `igtt status`: is the bridge up, is the vault locked, and how each account is doing. */
import { parseArgs } from 'node:util';
import { BridgeDataSchemas } from '../../shared/bridge-protocol';
import { askBridge } from '../bridge-client';
import { BridgeRefusedError } from '../cli-errors';
import { EXIT_CODES } from '../exit-codes';
import { alignColumns } from '../align-columns';
import { formatStatusLines } from '../format-accounts';
import { parseOrUsage } from '../parse-options';
import { bridgeConnection } from './bridge-connection';
import type { CliCommand, CliContext } from './cli-context';

const NAME = 'status';

/** Checks that `igtt status` got no arguments. */
export function parseStatusArgs(args: readonly string[]): Record<string, never> {
  parseOrUsage(NAME, () => parseArgs({ args: [...args], options: {}, strict: true }));
  return {};
}

/** Prints the status; exits 4 when the vault is locked, since no token can be read then. */
export async function printStatus(context: CliContext): Promise<number> {
  const connection = bridgeConnection(context);
  const data = await askBridge({ type: 'status' }, BridgeDataSchemas.status, connection);
  const lines = alignColumns([
    ['bridge', `reachable (${connection.socketPath})`],
    ['vault', data.locked ? 'locked' : 'unlocked'],
  ]);
  if (data.accounts.length === 0) {
    lines.push(
      'no account can be read from the command line: connect one in the popup, or allow one in Settings → Command-line access',
    );
  } else {
    lines.push(...formatStatusLines(data.accounts, context.now()));
  }
  context.stdout.write(`${lines.join('\n')}\n`);
  if (data.locked) {
    throw new BridgeRefusedError({ code: 'vault_locked' });
  }
  return EXIT_CODES.ok;
}

/** The command. */
export const statusCommand: CliCommand = {
  name: NAME,
  summary: 'is the bridge reachable, the vault locked; each account and its expiry',
  usage: [
    'Usage: igtt status',
    '',
    'Shows whether the bridge answers, whether the vault is locked, and one line per account:',
    '  @user  valid  expires 2027-01-31 (60 d)',
    'Exits 3 when the bridge is unreachable and 4 when the vault is locked.',
  ].join('\n'),
  execute: async (args, context) => {
    parseStatusArgs(args);
    return printStatus(context);
  },
};
