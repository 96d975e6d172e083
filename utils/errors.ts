/**
 * The errors a user can meet. Each has a stable `code` (for tests and the UI), a plain-language
 * `message`, and a `hint` that says what to do about it. Details that could hold a secret never go
 * into a message.
 */

const ERROR_TEXT = {
  vault_locked: {
    message: 'Your tokens are locked.',
    hint: 'Unlock them with your passphrase.',
  },
  vault_corrupt: {
    message: 'The stored tokens cannot be decrypted: the data or its key was changed or lost.',
    hint: 'Use "Reset vault" to start again, then reconnect your accounts.',
  },
  wrong_passphrase: {
    message: 'That passphrase is not right.',
    hint: 'Check it and try again. Each wrong try makes the next one wait longer.',
  },
  unlock_throttled: {
    message: 'Too many wrong passphrases in a row.',
    hint: 'Wait a moment, then try again.',
  },
  weak_passphrase: {
    message: 'A passphrase needs at least 8 characters.',
    hint: 'Choose a longer passphrase; a few random words work well.',
  },
  passphrase_mismatch: {
    message: 'The two new passphrases differ.',
    hint: 'Type the same passphrase in both fields.',
  },
  passphrase_not_set: {
    message: 'No passphrase lock is set.',
    hint: 'Turn the lock on in Settings first.',
  },
  passphrase_already_set: {
    message: 'A passphrase lock is already set.',
    hint: 'Use "Change passphrase" instead.',
  },
  setup_incomplete: {
    message: 'This app profile is not set up yet.',
    hint: 'Open Settings and enter the Client ID and the Proxy URL, then save.',
  },
  invalid_settings: {
    message: 'Some settings are not valid.',
    hint: 'Correct the fields marked in Settings and save again.',
  },
  connect_in_progress: {
    message: 'A connection is already in progress.',
    hint: 'Finish or close the Instagram window first.',
  },
  auth_cancelled: {
    message: 'The Instagram window closed before the login finished.',
    hint: 'If Instagram showed an error there, it is most likely one of the setup problems listed below. Otherwise, connect again.',
  },
  auth_declined: {
    message: 'You declined access on Instagram.',
    hint: 'Connect again and choose Allow to give this tool a token.',
  },
  authorize_unreachable: {
    message: 'The Instagram login page could not be loaded.',
    hint: 'Check your connection and the Authorize URL in Settings. If Instagram refused the request, it is most likely one of the setup problems listed below.',
  },
  incognito_unsupported: {
    message: 'Instagram login does not work in an incognito window.',
    hint: 'Open the extension from a normal window.',
  },
  auth_failed: {
    message: 'The Instagram login did not complete.',
    hint: 'Try again; if it keeps failing, check the Client ID and Authorize URL in Settings.',
  },
  redirect_mismatch: {
    message: 'Instagram sent the login back to an unexpected address.',
    hint: 'Register exactly the redirect URI shown in Settings in your Meta app, trailing slash included.',
  },
  state_invalid: {
    message: 'The login answer did not match a login started here, or it was too old.',
    hint: 'Start the connection again from the popup; each login link works once, for 10 minutes.',
  },
  code_rejected: {
    message: 'Instagram refused the login code: it was already used or has expired.',
    hint: 'Connect again; a login code works once and for one hour.',
  },
  invalid_platform_app: {
    message: 'Instagram does not recognise this app ("Invalid platform app").',
    hint: 'Use the Instagram App ID and secret from "API setup with Instagram login", not the Facebook App ID.',
  },
  redirect_not_allowed: {
    message: "The proxy does not accept this extension's redirect URI.",
    hint: 'Add the redirect URI shown in Settings to IG_REDIRECT_URIS on the proxy.',
  },
  origin_not_allowed: {
    message: 'The proxy does not accept requests from this extension.',
    hint: "Add this extension's origin to PROXY_ALLOWED_ORIGINS on the proxy.",
  },
  proxy_unreachable: {
    message: 'The exchange proxy could not be reached.',
    hint: 'Check the Proxy URL in Settings and that the proxy is running.',
  },
  proxy_rate_limited: {
    message: 'The proxy is receiving too many requests.',
    hint: 'Wait a minute and try again.',
  },
  proxy_rejected: {
    message: 'The proxy rejected the request.',
    hint: 'Check that the proxy and the extension are up to date and configured for this app.',
  },
  proxy_failed: {
    message: 'The proxy failed to answer properly.',
    hint: 'Try again; if it keeps failing, check the proxy logs.',
  },
  instagram_refused: {
    message: 'Instagram refused the request.',
    hint: 'Check the app settings in the Meta dashboard, then try again.',
  },
  instagram_busy: {
    message: 'Instagram is busy, try again in a minute.',
    hint: 'Instagram is throttling or briefly failing; nothing is wrong with your setup. Connect again in a minute.',
  },
  account_id_missing: {
    message: 'Instagram did not say which professional account this token belongs to (no user_id).',
    hint: 'Only Business and Creator accounts work: switch the account to a professional one, then connect again. Nothing was stored.',
  },
  account_id_invalid: {
    message: "Instagram's answer about this account cannot be used: its user_id is not a number.",
    hint: 'Try again later. Nothing was stored, and your other accounts are not affected.',
  },
  basic_display_retired: {
    message:
      'This is a Basic Display token (IGQV…): Instagram shut the Basic Display API down on 4 December 2024, so it no longer works.',
    hint: 'Move to Instagram Login: in the Meta app dashboard add the Instagram product, open "API setup with Instagram login", then connect here with its Instagram app ID.',
  },
  instagram_unavailable: {
    message: 'Instagram did not answer in time or answered with an error.',
    hint: 'Try again in a minute.',
  },
  token_expired: {
    message: 'The token has expired.',
    hint: 'Reconnect the account; an expired token cannot be refreshed.',
  },
  token_revoked: {
    message: 'The token is no longer valid: access was removed or the password changed.',
    hint: 'Reconnect the account to get a new token.',
  },
  token_invalid: {
    message: 'Instagram does not recognise this token.',
    hint: 'Check that you copied the whole token, and that it is an Instagram Login token.',
  },
  rate_limited: {
    message: 'Instagram is rate-limiting this app or account.',
    hint: 'The tool will try again later on its own.',
  },
  network_error: {
    message: 'Instagram could not be reached.',
    hint: 'Check your connection; the tool will try again on its own.',
  },
  account_not_found: {
    message: 'That account is not stored any more.',
    hint: 'Reopen the popup to see the current list.',
  },
  invalid_message: {
    message: 'The extension received a request it does not understand.',
    hint: 'Reload the extension; if it keeps happening, report a bug.',
  },
  internal_error: {
    message: 'Something went wrong inside the extension.',
    hint: 'Try again; if it keeps happening, reload the extension.',
  },
} as const satisfies Record<string, { message: string; hint: string }>;

/** A stable identifier for every error a user can meet. */
export type ErrorCode = keyof typeof ERROR_TEXT;

/** Every error code; the README's troubleshooting table is checked against it. */
export const ERROR_CODES: readonly string[] = Object.keys(ERROR_TEXT);

/** Whether a string is one of the known error codes. */
export function isErrorCode(code: string): code is ErrorCode {
  return ERROR_CODES.includes(code);
}

/** An error as it crosses from the background to a page. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  hint: string;
  retryAfterMs?: number;
  /** For invalid form input: the message for each wrong field, keyed by its path. */
  fields?: Record<string, string>;
}

/** Options shared by every error class. */
export interface AppErrorOptions {
  cause?: unknown;
  /** Replaces the default message when the situation calls for more precision. */
  message?: string;
  /** Replaces the default hint. */
  hint?: string;
  /** When trying again makes sense, how long to wait first. */
  retryAfterMs?: number;
  /** For invalid form input: the message for each wrong field, keyed by its path. */
  fields?: Record<string, string>;
}

/** Base of every user-facing error. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly retryAfterMs?: number;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? ERROR_TEXT[code].message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint ?? ERROR_TEXT[code].hint;
    this.retryAfterMs = options.retryAfterMs;
    this.fields = options.fields;
  }

  /** The form sent to the popup and options page. */
  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message, hint: this.hint };
    if (this.retryAfterMs !== undefined) payload.retryAfterMs = this.retryAfterMs;
    if (this.fields !== undefined) payload.fields = this.fields;
    return payload;
  }
}

/** Stored token data or its key was tampered with or lost; never wiped silently. */
export class VaultCorruptError extends AppError {
  constructor(options: AppErrorOptions = {}) {
    super('vault_corrupt', options);
  }
}

/** The passphrase lock is on and the vault is locked. */
export class VaultLockedError extends AppError {
  constructor(options: AppErrorOptions = {}) {
    super('vault_locked', options);
  }
}

/** Turns anything thrown into a payload a page can show, without leaking internals. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  return new AppError('internal_error', { cause: error }).toPayload();
}
