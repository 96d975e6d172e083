/** The socket a command asks, from the same variables the host reads. */
import type { BridgeConnection } from '../bridge-client';
import { resolveSocketPath } from '../socket-path';
import type { CliContext } from './cli-context';

/** Where and how long this command asks the bridge. */
export function bridgeConnection(context: CliContext): BridgeConnection {
  return { socketPath: resolveSocketPath(context), timeoutMs: context.bridgeTimeoutMs };
}
