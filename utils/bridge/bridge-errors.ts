/** The command line's refusals, each with what to do; the CLI turns each code into an exit code. */
import type { BridgeError, BridgeErrorCode } from '@/shared/bridge-protocol';

const BRIDGE_ERROR_TEXT: Record<BridgeErrorCode, { message: string; hint: string }> = {
  cli_disabled: {
    message: 'Command-line access is off.',
    hint: 'Turn it on in the extension: Settings → Command-line access.',
  },
  cli_not_allowed: {
    message: 'This account is excluded from command-line access.',
    hint: 'Allow it in the extension: Settings → Command-line access.',
  },
  vault_locked: {
    message: 'The tokens are locked.',
    hint: 'Open the extension popup and unlock it with your passphrase.',
  },
  token_expired: {
    message: 'The token of this account has expired.',
    hint: 'Reconnect the account in the extension popup.',
  },
  token_revoked: {
    message: 'The token of this account no longer works (access removed or password changed).',
    hint: 'Reconnect the account in the extension popup.',
  },
  account_not_found: {
    message: 'No such account can be read from the command line.',
    hint: 'Run `igtt list`, then name one as @username or by its id.',
  },
  account_ambiguous: {
    message: 'Several accounts can be read; say which.',
    hint: 'Run `igtt list`, then name one as @username or by its id.',
  },
  bridge_failed: {
    message: 'The extension could not answer the command line.',
    hint: 'Try again; if it keeps failing, reload the extension.',
  },
};

/** The refusal with code `code`, optionally with a more precise message. */
export function bridgeError(code: BridgeErrorCode, message?: string): BridgeError {
  const text = BRIDGE_ERROR_TEXT[code];
  return { code, message: message ?? text.message, hint: text.hint };
}
