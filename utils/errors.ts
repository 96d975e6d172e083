/**
 * The errors a user can meet. Each has a stable `code` (for tests and the UI), a plain-language
 * `message`, and a `hint` that says what to do about it. Details that could hold a secret never go
 * into a message.
 */
import { words } from './words';

/**
 * Every error a user can meet. The words for each live in the extension's locale file,
 * public/_locales/en/messages.json (`error_<code>` and `hint_<code>`), where the browser serves
 * them to every context: the platform's home for user-facing text, translatable, and none of it
 * in the background's bundle. A test checks that the file and this list match.
 */
export const ERROR_CODES = [
  'vault_locked',
  'vault_corrupt',
  'wrong_passphrase',
  'unlock_throttled',
  'weak_passphrase',
  'passphrase_mismatch',
  'passphrase_not_set',
  'passphrase_already_set',
  'setup_incomplete',
  'invalid_settings',
  'connect_in_progress',
  'auth_cancelled',
  'auth_declined',
  'authorize_unreachable',
  'incognito_unsupported',
  'auth_failed',
  'redirect_mismatch',
  'state_invalid',
  'code_rejected',
  'invalid_platform_app',
  'redirect_not_allowed',
  'origin_not_allowed',
  'proxy_unreachable',
  'proxy_rate_limited',
  'proxy_rejected',
  'proxy_failed',
  'instagram_refused',
  'instagram_busy',
  'account_id_missing',
  'account_id_invalid',
  'basic_display_retired',
  'instagram_not_linked',
  'facebook_profile_missing',
  'instagram_unavailable',
  'token_expired',
  'token_revoked',
  'token_invalid',
  'rate_limited',
  'network_error',
  'account_not_found',
  'invalid_message',
  'internal_error',
] as const;

/** A stable identifier for every error a user can meet. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The plain-language message and fix for `code`, from the locale file. */
export function errorText(code: ErrorCode): { message: string; hint: string } {
  return { message: words(`error_${code}`), hint: words(`hint_${code}`) };
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
    const text = errorText(code);
    super(options.message ?? text.message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint ?? text.hint;
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
