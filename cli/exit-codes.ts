/**
 * The exit codes `igtt` promises scripts, and the one line on stderr that goes with each: what
 * happened and how to fix it. A script can tell "start the browser" from "unlock" from "reconnect"
 * by the code alone.
 */
import type { BridgeErrorCode } from '../shared/bridge-protocol';
import { BridgeRefusedError, BridgeUnreachableError, CliFailure, UsageError } from './cli-errors';
import { UnsupportedPlatformError } from './host-manifest';
import { HooksFileError } from './hooks-store';
import { PrivateFolderError } from './private-folder';
import { SocketPathError } from './socket-path';

/** Every exit code and what it means. */
export const EXIT_CODES = {
  ok: 0,
  failed: 1,
  usage: 2,
  unreachable: 3,
  locked: 4,
  notAllowed: 5,
  tokenDead: 6,
  noAccount: 7,
} as const;

/** One exit code. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** The exit code of each refusal. */
export const BRIDGE_ERROR_EXIT_CODES: Record<BridgeErrorCode, ExitCode> = {
  cli_disabled: EXIT_CODES.notAllowed,
  cli_not_allowed: EXIT_CODES.notAllowed,
  vault_locked: EXIT_CODES.locked,
  token_expired: EXIT_CODES.tokenDead,
  token_revoked: EXIT_CODES.tokenDead,
  account_not_found: EXIT_CODES.noAccount,
  account_ambiguous: EXIT_CODES.noAccount,
  bridge_failed: EXIT_CODES.failed,
};

/** What each refusal means and what to do about it: the extension sends only the code. */
export const BRIDGE_ERROR_TEXT: Record<BridgeErrorCode, { message: string; fix: string }> = {
  cli_disabled: {
    message: 'Command-line access is off.',
    fix: 'Turn on Settings → Command-line access in the extension.',
  },
  cli_not_allowed: {
    message: 'This account is excluded from command-line access.',
    fix: 'Allow this account in the extension: Settings → Command-line access.',
  },
  vault_locked: {
    message: 'The tokens are locked.',
    fix: "Unlock the tokens with your passphrase in the extension's popup.",
  },
  token_expired: {
    message: 'The token of this account has expired.',
    fix: "Reconnect the account in the extension's popup.",
  },
  token_revoked: {
    message: 'The token of this account no longer works (access removed or password changed).',
    fix: "Reconnect the account in the extension's popup.",
  },
  account_not_found: {
    message: 'No such account can be read from the command line.',
    fix: 'List the accounts with `igtt list` and name one as @username or id.',
  },
  account_ambiguous: {
    message: 'Several accounts can be read; say which.',
    fix: 'List the accounts with `igtt list` and name one as @username or id.',
  },
  bridge_failed: {
    message: 'The extension could not answer the command line.',
    fix: 'Try again; if it keeps failing, reload the extension.',
  },
};

/** The fix for an unreachable bridge. */
export const UNREACHABLE_FIX =
  'Start the browser, and turn on Settings → Command-line access (then run `igtt install` once).';

/** How a failure ends the command: its exit code and the one line for stderr. */
export interface FailureReport {
  readonly exitCode: ExitCode;
  readonly line: string;
}

/** Maps any error the commands throw to its exit code and one plain line with the fix. */
export function describeFailure(error: unknown): FailureReport {
  if (error instanceof UsageError) {
    const help = error.command === undefined ? 'igtt --help' : `igtt ${error.command} --help`;
    return { exitCode: EXIT_CODES.usage, line: `${error.message} See \`${help}\`.` };
  }
  if (error instanceof BridgeUnreachableError) {
    return {
      exitCode: EXIT_CODES.unreachable,
      line: `The igtt bridge is not reachable (${error.message}). ${UNREACHABLE_FIX}`,
    };
  }
  if (error instanceof BridgeRefusedError) {
    const { code, message, hint } = error.refusal;
    const text = BRIDGE_ERROR_TEXT[code];
    const line = `${message?.trim() || text.message} ${hint?.trim() || text.fix}`;
    return { exitCode: BRIDGE_ERROR_EXIT_CODES[code], line };
  }
  if (
    error instanceof CliFailure ||
    error instanceof HooksFileError ||
    error instanceof PrivateFolderError ||
    error instanceof SocketPathError ||
    error instanceof UnsupportedPlatformError
  ) {
    // Their messages are written for the user, fix included.
    return { exitCode: EXIT_CODES.failed, line: error.message };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT_CODES.failed, line: `Unexpected failure: ${detail}` };
}

/** The line as printed: one line, whatever the message held. */
export function formatFailureLine(report: FailureReport): string {
  return `igtt: ${report.line.replace(/\s*[\r\n]+\s*/g, ' ')}\n`;
}
