/** Why `npm start` (or the bench, which starts the same stack) could not get going. */

/** What went wrong, so callers can tell a busy port from a broken build. */
export type StartErrorCode = 'invalid_env' | 'port_in_use' | 'build_failed';

/** A start-up failure whose message is one line the user can act on. */
export class StartError extends Error {
  readonly code: StartErrorCode;

  constructor(code: StartErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'StartError';
    this.code = code;
  }
}
