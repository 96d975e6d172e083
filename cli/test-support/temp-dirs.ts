/**
 * A throwaway home for one test: HOME, the XDG folders and the socket all inside one mkdtemp
 * folder, so that no test reads or writes the real `~`.
 */
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UserDirs } from '../user-dirs';

/** A temporary root and the user folders inside it. */
export interface TempDirs extends UserDirs {
  readonly root: string;
  readonly env: Record<string, string>;
  readonly socketPath: string;
  readonly hooksFile: string;
  remove(): void;
}

/** Makes a fresh temporary home; `remove()` deletes it all. */
export function makeTempDirs(): TempDirs {
  // realpath, so that paths compare equal to what the code computes (/tmp may be a symlink).
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'igtt-')));
  const home = join(root, 'home');
  const socketPath = join(root, 'run', 'bridge.sock');
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    IGTT_SOCKET: socketPath,
  };
  return {
    root,
    home,
    env,
    socketPath,
    hooksFile: join(home, '.config', 'igtt', 'hooks.json'),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
