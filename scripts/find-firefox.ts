import { findExecutable } from './find-executable';

/** Where Firefox usually lives, after `FIREFOX_PATH`: Debian's ESR first, as `.ci/run` installs it. */
const CANDIDATE_PATHS = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/** The first executable Firefox: `FIREFOX_PATH`, then Debian's firefox-esr, then usual paths. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return findExecutable(env.FIREFOX_PATH, CANDIDATE_PATHS);
}
