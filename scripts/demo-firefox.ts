/**
 * A headed Firefox with the demo build installed as a temporary add-on and its popup open in a
 * tab, as `web-ext run` would do it: puppeteer-core drives Firefox over WebDriver BiDi, which can
 * install an unpacked add-on, and a pinned uuid gives the popup a URL known in advance.
 */
import { mkdir } from 'node:fs/promises';
import puppeteer, { type Browser } from 'puppeteer-core';
import { GECKO_ID } from './firefox-extension-id';

/** The demo's moz-extension uuid; any fixed one does, as long as the pref pins it. */
const DEMO_FIREFOX_UUID = '5f1d2c3b-8a9e-4f60-b7d1-2e3c4a5b6c7d';

/** The demo add-on's popup, opened as a tab. */
export const FIREFOX_POPUP_URL = `moz-extension://${DEMO_FIREFOX_UUID}/popup.html`;

/**
 * Opens Firefox on a persistent profile and shows the popup. A temporary add-on is gone when
 * Firefox closes, but its storage stays in the profile under the pinned uuid, so connected
 * accounts are back on the next start.
 */
export async function openFirefoxDemo(
  executablePath: string,
  extensionDir: string,
  profileDir: string,
): Promise<Browser> {
  await mkdir(profileDir, { recursive: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: false,
    defaultViewport: null,
    userDataDir: profileDir,
    // Without it, WebDriver BiDi refuses to open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: DEMO_FIREFOX_UUID }),
    },
    // start.ts closes the browser itself on Ctrl-C, before the servers.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  try {
    await browser.installExtension(extensionDir);
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    // Firefox sends no load event for extension pages; waiting for one would never end.
    await page.goto(FIREFOX_POPUP_URL, { waitUntil: [] });
    return browser;
  } catch (error) {
    await browser.close();
    throw error;
  }
}
