/**
 * Clearing a copied token from the clipboard without destroying anything the user copied since:
 * only a hash of the copied text is kept, and the clipboard is emptied only if it still hashes
 * the same.
 */

/** Lower-case hex SHA-256 of a text. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Reading and writing the clipboard, as the context at hand can. */
export interface ClipboardAccess {
  read(): Promise<string>;
  write(text: string): Promise<void>;
}

/** Empties the clipboard if it still holds the text whose hash is `expectedHash`. */
export async function clearIfUnchanged(
  expectedHash: string,
  clipboard: ClipboardAccess,
): Promise<boolean> {
  const current = await clipboard.read();
  if (current === '' || (await sha256Hex(current)) !== expectedHash) return false;
  await clipboard.write('');
  return true;
}
