import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import * as z from 'zod/mini';
import { extensionLaunchArgs, findChromium } from '../../../scripts/find-chromium';

/** The production build that `npm run build` writes and the browser tests load. */
export const BUILT_EXTENSION_DIR = resolve('.output/chrome-mv3');

const ManifestSchema = z.object({
  action: z.object({ default_popup: z.string() }),
  options_ui: z.object({ page: z.string() }),
});

/** A running Chromium with the built extension loaded. */
export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  popupUrl: string;
  optionsUrl: string;
  /** Opens the popup document as a tab, the way the toolbar would render it. */
  openPopup(): Promise<Page>;
  close(): Promise<void>;
}

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
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const popupUrl = `chrome-extension://${extensionId}/${manifest.action.default_popup}`;
  const optionsUrl = `chrome-extension://${extensionId}/${manifest.options_ui.page}`;

  return {
    context,
    worker,
    extensionId,
    popupUrl,
    optionsUrl,
    async openPopup() {
      const page = await context.newPage();
      await page.goto(popupUrl);
      return page;
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
