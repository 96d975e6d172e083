/**
 * Folders only this user may enter: the socket's, the hooks file's and the launcher's. A socket
 * or a hook list in a folder that others can write to could be swapped for theirs.
 */
import { chmod, lstat, mkdir } from 'node:fs/promises';

/** A folder that exists but cannot be trusted, or cannot be made. */
export class PrivateFolderError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'PrivateFolderError';
  }
}

/**
 * Creates `folder` (and its missing parents) with mode 0700, or checks an existing one: it must be
 * a real folder owned by this user. An existing folder gets mode 0700 too, since `mkdir`'s mode
 * does not change a folder that is already there.
 * @throws {PrivateFolderError} when the folder is a symlink or a file, or belongs to someone else.
 */
export async function ensurePrivateFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new PrivateFolderError(`Cannot create the folder ${folder}.`, { cause: error });
  }
  // lstat, so that a symlink planted in place of the folder is refused rather than followed.
  const info = await lstat(folder);
  if (!info.isDirectory()) {
    throw new PrivateFolderError(`${folder} is not a folder (it may be a symlink); remove it.`);
  }
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new PrivateFolderError(`${folder} belongs to another user; igtt will not use it.`);
  }
  if ((info.mode & 0o777) !== 0o700) await chmod(folder, 0o700);
}
