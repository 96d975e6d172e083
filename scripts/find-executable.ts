import { accessSync, constants } from 'node:fs';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The configured path when set (and undefined when it is not executable, so that a typo is not
 * silently replaced by another browser), otherwise the first executable candidate.
 */
export function findExecutable(
  configured: string | undefined,
  candidates: readonly string[],
): string | undefined {
  if (configured) return isExecutable(configured) ? configured : undefined;
  return candidates.find(isExecutable);
}
