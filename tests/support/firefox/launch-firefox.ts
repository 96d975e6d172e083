/**
 * Starts headless Firefox with the Firefox build installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import * as z from 'zod/mini';
import { findFirefox } from '../../../scripts/find-firefox';
import { GECKO_ID } from '../../../scripts/firefox-extension-id';

/** The build that `npm run build:firefox` writes and these tests install. */
export const BUILT_FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');

/**
 * How long one step may take (a page showing, a login finishing): each takes well under 5 s on
 * an idle 2-core machine, and this leaves room for one running a second CPU-heavy job.
 */
export const STEP_TIMEOUT_MS = 30_000;

/** How long one test may take: a few steps, each within {@link STEP_TIMEOUT_MS}. */
export const TEST_TIMEOUT_MS = 120_000;

/** How long starting the stack, Firefox and the add-on and saving the setup may take. */
export const SETUP_TIMEOUT_MS = 180_000;

/** How long Firefox may take to close before its process is killed. */
const CLOSE_TIMEOUT_MS = 15_000;

/**
 * Firefox unloads an idle event page after this long (30 s by default), so that a test can see an
 * alarm load it again without waiting half a minute. Still five times the interval at which a
 * working background calls the browser to stay loaded (utils/background/keep-alive.ts).
 */
export const BACKGROUND_IDLE_TIMEOUT_MS = 5_000;

const ManifestSchema = z.object({
  action: z.object({ default_popup: z.string() }),
  options_ui: z.object({ page: z.string() }),
  browser_specific_settings: z.object({ gecko: z.object({ id: z.string() }) }),
});

/** A running Firefox with the extension installed. */
export interface FirefoxExtension {
  browser: Browser;
  /** The popup document, which a tab shows the way the toolbar would render it. */
  popupUrl: string;
  optionsUrl: string;
  /** Opens an extension page in a new tab and waits until its document has a body. */
  openPage(url: string): Promise<Page>;
  /** Closes Firefox (killing it if it hangs) and deletes its profile and home. */
  close(): Promise<void>;
}

async function readManifest(extensionDir: string) {
  const text = await readFile(join(extensionDir, 'manifest.json'), 'utf8').catch(() => {
    throw new Error(`No Firefox build in ${extensionDir}; run "npm run build:firefox" first.`);
  });
  const manifest = ManifestSchema.parse(JSON.parse(text));
  // The redirect URI the stack accepts is derived from GECKO_ID; a renamed add-on must fail here.
  if (manifest.browser_specific_settings.gecko.id !== GECKO_ID) {
    throw new Error(
      `The build's gecko id is ${manifest.browser_specific_settings.gecko.id}, not ${GECKO_ID}: ` +
        'update scripts/firefox-extension-id.ts.',
    );
  }
  return manifest;
}

/** Starts Firefox on a fresh temporary profile and installs the built extension. */
export async function launchFirefoxExtension(
  extensionDir = BUILT_FIREFOX_EXTENSION_DIR,
): Promise<FirefoxExtension> {
  const executablePath = findFirefox();
  if (!executablePath)
    throw new Error('No Firefox found; install firefox-esr or set FIREFOX_PATH.');
  const manifest = await readManifest(extensionDir);
  // A uuid of this run's own, pinned below, so that every page's URL is known in advance.
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const tempDir = await mkdtemp(join(tmpdir(), 'igtt-firefox-'));
  const home = join(tempDir, 'home');
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      userDataDir: join(tempDir, 'profile'),
      // Firefox also writes outside its profile (crash reports and pings under ~/.config, a cache
      // root under ~/.cache, ~/Downloads); a home of its own keeps all of it in the temp folder.
      env: {
        ...process.env,
        HOME: home,
        XDG_CACHE_HOME: join(home, '.cache'),
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_DATA_HOME: join(home, '.local', 'share'),
        MOZ_CRASHREPORTER_DISABLE: '1',
      },
      // Without it, WebDriver BiDi refuses to navigate to moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        'extensions.background.idle.timeout': BACKGROUND_IDLE_TIMEOUT_MS,
      },
      timeout: STEP_TIMEOUT_MS * 2,
      protocolTimeout: STEP_TIMEOUT_MS * 2,
    })
    .catch(async (error: unknown) => {
      await rm(tempDir, { recursive: true, force: true });
      throw error;
    });

  const close = async () => {
    const child = browser.process();
    const closed = browser.close().then(
      () => true,
      () => false,
    );
    const inTime = await Promise.race([
      closed,
      new Promise<false>((done) => setTimeout(() => done(false), CLOSE_TIMEOUT_MS).unref()),
    ]);
    if (!inTime && child !== null && child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((done) => child.once('exit', done));
    }
    // Firefox's helper processes may still be finishing a write as it exits.
    await rm(tempDir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await close();
    throw error;
  }

  const openPage = async (url: string) => {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    // Firefox sends no load events for extension documents, so the default waitUntil never ends.
    await page.goto(url, { waitUntil: [] });
    await page.waitForFunction(
      (expected) => location.href.startsWith(expected) && document.body !== null,
      { polling: 100 },
      url,
    );
    return page;
  };
  return {
    browser,
    popupUrl: `${origin}/${manifest.action.default_popup}`,
    optionsUrl: `${origin}/${manifest.options_ui.page}`,
    openPage,
    close,
  };
}
