/**
 * The one place the background logs. Only an error's name and code are written: messages from
 * upstream could echo a request, and a request can hold a token.
 */
import { AppError } from '@/utils/errors';

/** Logs an unexpected background failure without any detail that could carry a secret. */
export function reportBackgroundError(error: unknown): void {
  const label = error instanceof AppError ? `${error.name}(${error.code})` : describe(error);
  // eslint-disable-next-line no-console -- the service worker console is where developers look
  console.error(`[igtt] failed: ${label}`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
