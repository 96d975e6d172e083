/**
 * The CLI's failures, one class per kind of exit code, so that `exit-codes.ts` can map any thrown
 * error to the code and the one line the user sees.
 */
import type { BridgeError } from '../shared/bridge-protocol';

/** The command line itself is wrong: an unknown command or flag, a bad value, a missing `--`. */
export class UsageError extends Error {
  /** The command whose usage to point at, e.g. `token` or `hook add`; none for the top level. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/** Nothing answered on the socket: no socket, a stale one, or no reply in time. */
export class BridgeUnreachableError extends Error {
  readonly socketPath: string;

  constructor(socketPath: string, reason: string, options: { cause?: unknown } = {}) {
    super(reason, { cause: options.cause });
    this.name = 'BridgeUnreachableError';
    this.socketPath = socketPath;
  }
}

/** The extension (or the host on its behalf) refused the request with a code. */
export class BridgeRefusedError extends Error {
  readonly refusal: BridgeError;

  constructor(refusal: BridgeError) {
    super(refusal.message ?? refusal.code);
    this.name = 'BridgeRefusedError';
    this.refusal = refusal;
  }
}

/** Any other failure; its message is the whole line the user sees, fix included. */
export class CliFailure extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CliFailure';
  }
}
