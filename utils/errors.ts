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
  passphrase_not_set: {
    message: 'No passphrase lock is set.',
    hint: 'Turn the lock on in Settings first.',
  },
  passphrase_already_set: {
    message: 'A passphrase lock is already set.',
    hint: 'Use "Change passphrase" instead.',
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

/** An error as it crosses from the background to a page. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  hint: string;
  retryAfterMs?: number;
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
}

/** Base of every user-facing error. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly retryAfterMs?: number;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? ERROR_TEXT[code].message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint ?? ERROR_TEXT[code].hint;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** The form sent to the popup and options page. */
  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message, hint: this.hint };
    if (this.retryAfterMs !== undefined) payload.retryAfterMs = this.retryAfterMs;
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
