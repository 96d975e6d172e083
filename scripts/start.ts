/**
 * `npm start`: the whole demo on this machine. Starts the Instagram sandbox and the exchange proxy,
 * builds the extension into `.output/demo` with both baked in as its defaults, then opens Chromium
 * (or, with `--browser firefox`, Firefox) on it when there is a display, or prints how to load it.
 * Ctrl-C or SIGTERM stops everything.
 */
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { Browser } from 'puppeteer-core';
import { SANDBOX_CLIENT_ID } from '../sandbox/defaults';
import { findChromium } from './find-chromium';
import { findFirefox } from './find-firefox';
import { buildExtension, PROJECT_ROOT, type BuildDefaults } from './build-extension';
import { hasDisplay, openDemoBrowser } from './demo-browser';
import { openFirefoxDemo } from './demo-firefox';
import { startDemoStack, type DemoStack } from './demo-stack';
import { demoSummary, type DemoSummaryInput } from './demo-summary';
import { readStartOptions } from './start-options';
import { StartError } from './start-error';

/** Kept apart from `.output/chrome-mv3`, the production build that `npm test` loads. */
const DEMO_OUT_DIR = '.output/demo';
/** A persistent profile, so connected accounts survive a restart of the demo. */
const PROFILE_DIR = resolve(PROJECT_ROOT, '.tmp/demo-profile');
/** Firefox's, kept apart: the two browsers' profiles have nothing in common. */
const FIREFOX_PROFILE_DIR = resolve(PROJECT_ROOT, '.tmp/demo-firefox-profile');

const stopping = new AbortController();
/** Closed in reverse order on shutdown: the browser first, the servers last. */
const cleanups: (() => Promise<void>)[] = [];

function stop(): void {
  if (stopping.signal.aborted) return;
  stopping.abort();
  console.log('\nStopping the demo…');
  closeAll().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`Could not stop cleanly: ${messageOf(error)}`);
      process.exit(1);
    },
  );
}

async function closeAll(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

async function main(): Promise<void> {
  const options = readStartOptions(process.argv.slice(2), process.env);
  const stack = await startDemoStack({
    sandboxPort: options.sandboxPort,
    proxyEnv: options.proxyEnv,
  });
  cleanups.push(() => stack.close());
  console.log(`Instagram sandbox on ${stack.sandbox.url}, exchange proxy on ${stack.proxy.url}`);

  console.log(`Building the extension for ${options.browser} into ${DEMO_OUT_DIR}…`);
  const extensionDir = await buildExtension({
    outDir: DEMO_OUT_DIR,
    browser: options.browser,
    defaults: demoDefaults(stack),
    signal: stopping.signal,
  });
  const open = options.browser === 'firefox' ? openFirefox : openBrowser;
  const browser = options.openBrowser
    ? await open(extensionDir)
    : { skipped: 'asked not to: --no-browser or START_NO_BROWSER=1' };
  console.log(
    demoSummary({
      sandboxUrl: stack.sandbox.url,
      proxyUrl: stack.proxy.url,
      target: options.browser,
      extensionDir,
      browser,
    }),
  );
}

/** The extension's defaults: this sandbox's app, authorize page and Graph API, and this proxy. */
function demoDefaults(stack: DemoStack): BuildDefaults {
  return {
    clientId: SANDBOX_CLIENT_ID,
    proxyUrl: stack.proxy.url,
    authorizeUrl: `${stack.sandbox.url}/oauth/authorize`,
    graphUrl: stack.sandbox.url,
  };
}

/** Opens Chromium when it can; a browser that fails to open leaves the demo usable by hand. */
async function openBrowser(extensionDir: string): Promise<DemoSummaryInput['browser']> {
  if (!hasDisplay()) return { skipped: 'no display: DISPLAY and WAYLAND_DISPLAY are unset' };
  const executable = findChromium();
  if (executable === undefined) return { skipped: 'no Chromium found; set CHROMIUM_PATH' };
  let context: BrowserContext;
  try {
    context = await openDemoBrowser(executable, extensionDir, PROFILE_DIR);
  } catch (error) {
    return { skipped: `Chromium did not start: ${messageOf(error).split('\n')[0] ?? ''}` };
  }
  cleanups.push(() => context.close());
  context.on('close', () => {
    if (!stopping.signal.aborted) console.log('Chromium closed; the servers run until Ctrl-C.');
  });
  return 'opened';
}

/** Opens Firefox when it can; a browser that fails to open leaves the demo usable by hand. */
async function openFirefox(extensionDir: string): Promise<DemoSummaryInput['browser']> {
  if (!hasDisplay()) return { skipped: 'no display: DISPLAY and WAYLAND_DISPLAY are unset' };
  const executable = findFirefox();
  if (executable === undefined) return { skipped: 'no Firefox found; set FIREFOX_PATH' };
  let browser: Browser;
  try {
    browser = await openFirefoxDemo(executable, extensionDir, FIREFOX_PROFILE_DIR);
  } catch (error) {
    return { skipped: `Firefox did not start: ${messageOf(error).split('\n')[0] ?? ''}` };
  }
  cleanups.push(async () => {
    if (browser.connected) await browser.close();
  });
  browser.on('disconnected', () => {
    if (!stopping.signal.aborted) console.log('Firefox closed; the servers run until Ctrl-C.');
  });
  return 'opened';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

process.on('SIGINT', stop);
process.on('SIGTERM', stop);

main().catch((error: unknown) => {
  // Ctrl-C during the build kills WXT; that is a stop, not a failure.
  if (stopping.signal.aborted) return;
  console.error(
    error instanceof StartError ? error.message : `npm start failed: ${messageOf(error)}`,
  );
  closeAll().then(
    () => process.exit(1),
    () => process.exit(1),
  );
});
