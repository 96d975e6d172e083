/**
 * A headed Chromium with the demo build loaded and its popup open in a tab. Playwright drives the
 * launch because Chromium loads `--load-extension` after it opens start-up URLs, so a
 * `chrome-extension://` URL on the command line would show an error page.
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type BrowserContext } from 'playwright-core';
import { POPUP_URL } from './extension-id';
import { extensionLaunchArgs } from './find-chromium';

/** True when a window can be shown: X11, Wayland, or macOS. */
export function hasDisplay(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY) || platform === 'darwin';
}

/** Opens Chromium on a persistent profile (accounts survive restarts) and shows the popup. */
export async function openDemoBrowser(
  executablePath: string,
  extensionDir: string,
  profileDir: string,
): Promise<BrowserContext> {
  await mkdir(profileDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: false,
    viewport: null,
    // The "controlled by automated software" bar would only confuse a demo.
    ignoreDefaultArgs: ['--enable-automation'],
    // start.ts closes the browser itself on Ctrl-C, before the servers.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      ...extensionLaunchArgs(extensionDir),
      // Chromium refuses its sandbox to root, e.g. in a container.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  try {
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(POPUP_URL);
    return context;
  } catch (error) {
    await context.close();
    throw error;
  }
}
