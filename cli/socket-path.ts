/**
 * Where the host's Unix socket lives. The host and the CLI compute it from the same variables; the
 * host inherits the browser's environment, so `IGTT_SOCKET` set for the browser reaches it.
 */
import { isAbsolute, join } from 'node:path';
import { currentUserDirs, xdgDir, type UserDirs } from './user-dirs';

/** The variable that overrides the socket's path. */
export const SOCKET_VARIABLE = 'IGTT_SOCKET';

/** The longest socket path Linux accepts (`sun_path` is 108 bytes with its final NUL). */
export const MAX_SOCKET_PATH_BYTES = 107;

/** A socket path that cannot work. */
export class SocketPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SocketPathError';
  }
}

/**
 * `$IGTT_SOCKET`; else `$XDG_RUNTIME_DIR/igtt/bridge.sock` (a per-user tmpfs that logout clears);
 * else `~/.cache/igtt/bridge.sock`.
 * @throws {SocketPathError} when `IGTT_SOCKET` is relative (the host's working folder is not the
 * CLI's, so they would disagree) or the path is too long for a Unix socket.
 */
export function resolveSocketPath(dirs: UserDirs = currentUserDirs()): string {
  const override = dirs.env[SOCKET_VARIABLE];
  let path: string;
  if (override !== undefined && override !== '') {
    if (!isAbsolute(override)) {
      throw new SocketPathError(
        `${SOCKET_VARIABLE} must be an absolute path; it is "${override}".`,
      );
    }
    path = override;
  } else {
    const runtimeDir = xdgDir(dirs.env, 'XDG_RUNTIME_DIR');
    path =
      runtimeDir === undefined
        ? join(dirs.home, '.cache', 'igtt', 'bridge.sock')
        : join(runtimeDir, 'igtt', 'bridge.sock');
  }
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) {
    throw new SocketPathError(
      `The socket path ${path} is longer than ${MAX_SOCKET_PATH_BYTES} bytes; set ${SOCKET_VARIABLE} to a shorter one.`,
    );
  }
  return path;
}
