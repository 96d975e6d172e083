/** Reads the `code` of a Node system error without a cast. */

/** The `code` of a Node system error (ENOENT, ECONNREFUSED …), if it has one. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : undefined;
  }
  return undefined;
}
