/**
 * The per-user folders igtt uses, from the XDG Base Directory variables with their standard
 * fallbacks. Every function takes the environment and home folder, so tests never touch the real
 * `~`.
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** The environment variables igtt reads. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Where a user's files live: the environment plus the home folder. */
export interface UserDirs {
  readonly env: Environment;
  readonly home: string;
}

/** The current user's folders. */
export function currentUserDirs(): UserDirs {
  return { env: process.env, home: homedir() };
}

/** An XDG variable's value, or undefined when unset, empty or relative (the spec says ignore those). */
export function xdgDir(env: Environment, variable: string): string | undefined {
  const value = env[variable];
  return value !== undefined && value !== '' && isAbsolute(value) ? value : undefined;
}

/** `$XDG_CONFIG_HOME`, else `~/.config`. */
export function configHome({ env, home }: UserDirs): string {
  return xdgDir(env, 'XDG_CONFIG_HOME') ?? join(home, '.config');
}

/** `$XDG_DATA_HOME`, else `~/.local/share`. */
export function dataHome({ env, home }: UserDirs): string {
  return xdgDir(env, 'XDG_DATA_HOME') ?? join(home, '.local', 'share');
}
