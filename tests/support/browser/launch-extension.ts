import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import * as z from 'zod/mini';
import { extensionLaunchArgs, findChromium } from '../../../scripts/find-chromium';
import { captureConsoles } from './console-capture';
import { journalDir, writeJournal } from './leak-journal';

/** The production build that `npm run build` writes and the browser tests load. */
export const BUILT_EXTENSION_DIR = resolve('.output/chrome-mv3');

const ManifestSchema = z.object({
  action: z.object({ default_popup: z.string() }),
  options_ui: z.object({ page: z.string() }),
});

/** A running Chromium with the built extension loaded. */
export interface LoadedExtension {
  context: BrowserContext;
  /** The extension's service worker; evaluating in it while it is stopped waits until it starts. */
  readonly worker: Worker;
  extensionId: string;
  popupUrl: string;
  optionsUrl: string;
  /** The browser profile folder. */
  userDataDir: string;
  /** Opens the popup document as a tab, the way the toolbar would render it. */
  openPopup(): Promise<Page>;
  /**
   * Writes every storage area of the extension to the leak journal, then closes the browser. The
   * profile folder stays for `close()`.
   */
  closeBrowser(): Promise<void>;
  /**
   * Closes the browser if it is still open, then hands the profile folder to the leak scan of the
   * global teardown (which deletes it), or deletes it when there is no leak journal.
   */
  close(): Promise<void>;
}

/** How long reading storage may take before the worker is deemed stopped and woken by a page. */
const STORAGE_READ_TIMEOUT_MS = 10_000;

/** How to start the browser beyond the defaults. */
export interface LaunchOptions {
  extensionDir?: string;
  /** Prepares the fresh profile folder before the browser starts (e.g. native host manifests). */
  prepareProfile?: (userDataDir: string) => Promise<void>;
  /** Extra environment of the browser, which native hosts it starts inherit. */
  env?: Record<string, string>;
}

/** Starts a fresh Chromium profile with the built extension and waits for its service worker. */
export async function launchExtension(options: LaunchOptions = {}): Promise<LoadedExtension> {
  const { extensionDir = BUILT_EXTENSION_DIR, prepareProfile, env } = options;
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found; set CHROMIUM_PATH.');
  const manifestText = await readFile(join(extensionDir, 'manifest.json'), 'utf8').catch(() => {
    throw new Error(`No built extension in ${extensionDir}; run "npm run build" first.`);
  });
  const manifest = ManifestSchema.parse(JSON.parse(manifestText));

  const userDataDir = await mkdtemp(join(tmpdir(), 'igtt-e2e-'));
  await prepareProfile?.(userDataDir);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    ...(env === undefined ? {} : { env: { ...process.env, ...env } }),
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', ...extensionLaunchArgs(extensionDir)],
  });
  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(firstWorker.url()).host;
  const origin = `chrome-extension://${extensionId}`;
  const popupUrl = `${origin}/${manifest.action.default_popup}`;
  const optionsUrl = `${origin}/${manifest.options_ui.page}`;
  // Only a test run with a leak journal listens in; a benchmark or the screenshots do not.
  const consoles = journalDir() === undefined ? undefined : await captureConsoles(context, origin);
  let browserOpen = true;
  context.on('close', () => {
    browserOpen = false;
  });
  const openPopup = async () => {
    const page = await context.newPage();
    await page.goto(popupUrl);
    return page;
  };
  // A worker that Chromium stopped and started again may come back as a new Worker object.
  const currentWorker = () =>
    context.serviceWorkers().find((worker) => worker.url().startsWith(origin)) ?? firstWorker;

  const closeBrowser = async () => {
    if (!browserOpen) return;
    await journalStorage(currentWorker, openPopup);
    await consoles?.flush();
    await context.close();
  };

  return {
    context,
    get worker() {
      return currentWorker();
    },
    extensionId,
    popupUrl,
    optionsUrl,
    userDataDir,
    openPopup,
    closeBrowser,
    async close() {
      await closeBrowser();
      if (journalDir() === undefined) await rm(userDataDir, { recursive: true, force: true });
      else writeJournal({ type: 'profile', dir: userDataDir });
    },
  };
}

/**
 * Writes the extension's `local`, `session` and `sync` storage to the leak journal, read in its
 * service worker. A worker that was stopped does not answer until an event starts it, so after a
 * while a popup is opened, whose first request wakes it.
 */
async function journalStorage(worker: () => Worker, openPopup: () => Promise<Page>): Promise<void> {
  if (journalDir() === undefined) return;
  const read = () =>
    worker().evaluate(async () => ({
      local: JSON.stringify(await chrome.storage.local.get(null)),
      session: JSON.stringify(await chrome.storage.session.get(null)),
      sync: JSON.stringify(await chrome.storage.sync.get(null)),
    }));
  let areas = await withTimeout(read(), STORAGE_READ_TIMEOUT_MS);
  if (areas === undefined) {
    const popup = await openPopup();
    areas = await read();
    await popup.close();
  }
  writeJournal(
    { type: 'storage', area: 'local', json: areas.local },
    { type: 'storage', area: 'session', json: areas.session },
    { type: 'storage', area: 'sync', json: areas.sync },
  );
}

/** The promise's value, or undefined if it takes longer than `ms`. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
