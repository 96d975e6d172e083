import { findExecutable } from './find-executable';

/** Where Chromium or Chrome usually lives, after `CHROMIUM_PATH`. */
const CANDIDATE_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The first executable browser: `CHROMIUM_PATH`, then Debian's Chromium, then usual Chrome paths. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return findExecutable(env.CHROMIUM_PATH, CANDIDATE_PATHS);
}

/**
 * Flags every Chromium launched here shares: the extension loaded unpacked, and none of the
 * background traffic that a closed network would refuse (first-run, sync, component updates).
 */
export function extensionLaunchArgs(extensionDir: string): string[] {
  return [
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}
