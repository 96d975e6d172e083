/** What a failed `launchWebAuthFlow` means for the user. */
import { AppError, type ErrorCode } from '@/utils/errors';

/** Browser messages of `launchWebAuthFlow` failures (Chrome and Firefox wordings). */
const LAUNCH_FAILURES: ReadonlyArray<readonly [RegExp, ErrorCode]> = [
  [/did not approve|cancel|closed|user denied/, 'auth_cancelled'],
  [/could not be loaded/, 'authorize_unreachable'],
  [/incognito/, 'incognito_unsupported'],
  // Chrome's answer while a login window of this extension is still open, including one whose
  // worker stopped: the browser keeps that window's flow until the window closes.
  [/only one web auth flow/, 'connect_in_progress'],
];

/** Turns a `launchWebAuthFlow` rejection into the error the user should see. */
export function launchFailure(error: unknown): AppError {
  const message = error instanceof Error ? error.message.toLowerCase() : '';
  const code = LAUNCH_FAILURES.find(([pattern]) => pattern.test(message))?.[1] ?? 'auth_failed';
  return new AppError(code, { cause: error });
}
