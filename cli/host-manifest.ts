/**
 * The native messaging host manifests that let the browser start the host, and the launcher
 * script they point at. A manifest's `path` must be absolute and executable, and the browser's
 * PATH may not find `node`, so the launcher execs the absolute node binary that ran the install.
 */
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BRIDGE_HOST_NAME } from '../shared/bridge-protocol';
import { errnoCode } from './errno-code';
import { ensurePrivateFolder } from './private-folder';
import { shellQuote } from './shell-quote';
import { configHome, dataHome, type UserDirs } from './user-dirs';

/** The Chrome extension id, fixed by the public key in wxt.config.ts. */
export const CHROME_EXTENSION_ID = 'blocadghaajijcfckkjphjkhmmlcniff';

/** The origin Chrome checks; the trailing slash is required. */
export const CHROME_ALLOWED_ORIGIN = `chrome-extension://${CHROME_EXTENSION_ID}/`;

/** The Firefox add-on id (`browser_specific_settings.gecko.id` in wxt.config.ts). */
export const FIREFOX_EXTENSION_ID = 'token-tool-for-instagram@ig-token-tool.dev';

/** The browsers `igtt install --browser` knows. */
export const BROWSERS = ['chrome', 'chromium', 'firefox'] as const;
/** One browser. */
export type Browser = (typeof BROWSERS)[number];

/** One manifest to write: which browser reads it and where. */
export interface ManifestTarget {
  readonly browser: Browser;
  /** Shown in the output: "Chrome", "Chromium", or "Chromium profile" for a custom one. */
  readonly label: string;
  readonly path: string;
}

/** What the manifests depend on. */
export interface InstallPlace extends UserDirs {
  readonly platform: NodeJS.Platform;
}

const MANIFEST_FILE = `${BRIDGE_HOST_NAME}.json`;

/** A platform the browsers have no per-user manifest folder on (Windows uses the registry). */
export class UnsupportedPlatformError extends Error {
  constructor(platform: string) {
    super(
      `igtt install supports Linux and macOS; on ${platform} register the host by hand (see the README).`,
    );
    this.name = 'UnsupportedPlatformError';
  }
}

/** Where each browser reads this user's manifests. */
export function manifestTarget(browser: Browser, place: InstallPlace): ManifestTarget {
  const { home, platform } = place;
  if (platform === 'darwin') {
    const support = join(home, 'Library', 'Application Support');
    const folders: Record<Browser, string> = {
      chrome: join(support, 'Google', 'Chrome', 'NativeMessagingHosts'),
      chromium: join(support, 'Chromium', 'NativeMessagingHosts'),
      firefox: join(support, 'Mozilla', 'NativeMessagingHosts'),
    };
    return { browser, label: BROWSER_LABELS[browser], path: join(folders[browser], MANIFEST_FILE) };
  }
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') {
    throw new UnsupportedPlatformError(platform);
  }
  // Chrome and Chromium keep their profiles, and so their NativeMessagingHosts, under
  // $XDG_CONFIG_HOME; Firefox still uses ~/.mozilla.
  const folders: Record<Browser, string> = {
    chrome: join(configHome(place), 'google-chrome', 'NativeMessagingHosts'),
    chromium: join(configHome(place), 'chromium', 'NativeMessagingHosts'),
    firefox: join(home, '.mozilla', 'native-messaging-hosts'),
  };
  return { browser, label: BROWSER_LABELS[browser], path: join(folders[browser], MANIFEST_FILE) };
}

const BROWSER_LABELS: Record<Browser, string> = {
  chrome: 'Chrome',
  chromium: 'Chromium',
  firefox: 'Firefox',
};

/**
 * The manifest for a Chromium started with `--user-data-dir=DIR`: such a profile reads only
 * `DIR/NativeMessagingHosts/`, never the user-wide folder.
 */
export function userDataDirTarget(userDataDir: string): ManifestTarget {
  return {
    browser: 'chromium',
    label: 'Chromium profile',
    path: join(userDataDir, 'NativeMessagingHosts', MANIFEST_FILE),
  };
}

/** The manifests for `browsers`, plus a custom Chromium profile when one is given. */
export function manifestTargets(
  browsers: readonly Browser[],
  place: InstallPlace,
  chromiumUserDataDir?: string,
): ManifestTarget[] {
  const targets = browsers.map((browser) => manifestTarget(browser, place));
  if (chromiumUserDataDir !== undefined) targets.push(userDataDirTarget(chromiumUserDataDir));
  return targets;
}

/** `$XDG_DATA_HOME/igtt/igtt-host`: the executable every manifest names. */
export function launcherPath(place: UserDirs): string {
  return join(dataHome(place), 'igtt', 'igtt-host');
}

/** The manifest's JSON for one browser. */
export function manifestContent(browser: Browser, launcher: string): Record<string, unknown> {
  const common = {
    name: BRIDGE_HOST_NAME,
    description: 'Token Tool for Instagram: the igtt command-line bridge',
    path: launcher,
    type: 'stdio',
  };
  return browser === 'firefox'
    ? { ...common, allowed_extensions: [FIREFOX_EXTENSION_ID] }
    : { ...common, allowed_origins: [CHROME_ALLOWED_ORIGIN] };
}

/** The launcher script: runs the host with the absolute node binary, passing the browser's arguments. */
export function launcherScript(nodePath: string, hostScript: string): string {
  return [
    '#!/bin/sh',
    '# Written by `igtt install`. The browser starts this to run the igtt native messaging host;',
    "# node is named by its absolute path because the browser's PATH may not find it.",
    `exec ${shellQuote(nodePath)} ${shellQuote(hostScript)} "$@"`,
    '',
  ].join('\n');
}

/** What `installHost` wrote. */
export interface InstallResult {
  readonly launcher: string;
  readonly manifests: readonly ManifestTarget[];
}

/** Writes the launcher (0700, in a 0700 folder) and one manifest per target. */
export async function installHost(options: {
  readonly targets: readonly ManifestTarget[];
  readonly launcher: string;
  readonly nodePath: string;
  readonly hostScript: string;
}): Promise<InstallResult> {
  const { launcher } = options;
  await ensurePrivateFolder(join(launcher, '..'));
  await writeFile(launcher, launcherScript(options.nodePath, options.hostScript), { mode: 0o700 });
  // writeFile's mode applies only to a new file; an older launcher keeps its mode otherwise.
  await chmod(launcher, 0o700);
  for (const target of options.targets) {
    // The browsers' own folders: created if missing, left as they are otherwise.
    await mkdir(join(target.path, '..'), { recursive: true });
    const content = manifestContent(target.browser, launcher);
    await writeFile(target.path, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o644 });
  }
  return { launcher, manifests: options.targets };
}

/** Removes the manifests and the launcher; returns the paths that existed and were removed. */
export async function uninstallHost(options: {
  readonly targets: readonly ManifestTarget[];
  readonly launcher: string;
}): Promise<string[]> {
  const removed: string[] = [];
  for (const path of [...options.targets.map((target) => target.path), options.launcher]) {
    if (await removeIfPresent(path)) removed.push(path);
  }
  return removed;
}

async function removeIfPresent(path: string): Promise<boolean> {
  try {
    await rm(path);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw error;
  }
}
