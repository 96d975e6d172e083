/**
 * The popup's first render with a given number of stored accounts, from navigation start to every
 * card laid out, against a static copy of the same rendered markup and CSS served from loopback.
 * The same copy is also served from the extension's own folder, which shows how much of the
 * difference is the `chrome-extension://` origin rather than the popup's code. Also how soon the
 * popup shows its heading, and the `getState` round trip it waits for, so that the time can be
 * split into start-up, the background's answer and rendering.
 *
 * Each page keeps its own tab and navigates again for every run: a new tab for a new site would
 * also time starting a renderer process, which the popup (in the already running extension
 * process) does not pay.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { LoadedExtension } from '../tests/support/browser/launch-extension';
import type { BenchPlan } from './bench-plan';
import { armCardTimer, readCardTimes, type CardTimes } from './card-timer';
import type { PageServer } from './page-server';
import type { RenderPoint } from './results-schema';
import { captureRenderedMarkup, staticPageOf } from './static-popup-copy';
import { measureRounds, runRotation, summarise } from './stats';
import { timeGetState } from './time-get-state';

/** Where the popup and its two static copies are, for one account count. */
interface RenderPages {
  readonly popup: string;
  readonly reference: string;
  readonly extensionCopy: string;
}

/**
 * Opens the popup once, waits for its cards and serves their static copy from loopback and from
 * the extension's folder (an unpacked extension serves files added after it was loaded).
 */
async function serveStaticCopies(
  extension: LoadedExtension,
  extensionDir: string,
  pages: PageServer,
  count: number,
): Promise<RenderPages> {
  const page = await extension.context.newPage();
  try {
    await armCardTimer(page, count);
    await page.goto(extension.popupUrl, { waitUntil: 'commit' });
    await readCardTimes(page);
    const html = staticPageOf(await captureRenderedMarkup(page));
    const fileName = `bench-static-copy-${count}.html`;
    await writeFile(join(extensionDir, fileName), html);
    return {
      popup: extension.popupUrl,
      reference: pages.setPage(`/popup-copy-${count}.html`, html),
      extensionCopy: `chrome-extension://${extension.extensionId}/${fileName}`,
    };
  } finally {
    await page.close();
  }
}

/** Navigates the tab to `url` again and returns the armed timer's reading. */
async function load(tab: Page, url: string): Promise<CardTimes> {
  await tab.goto(url, { waitUntil: 'commit' });
  return readCardTimes(tab);
}

/** Measures the popup and its static copies, in rotating order, with `count` accounts stored. */
export async function measureRenderPoint(
  extension: LoadedExtension,
  extensionDir: string,
  pages: PageServer,
  count: number,
  plan: BenchPlan,
): Promise<RenderPoint> {
  const urls = await serveStaticCopies(extension, extensionDir, pages, count);
  const tabs: Page[] = [];
  try {
    for (let index = 0; index < 3; index += 1) {
      const tab = await extension.context.newPage();
      tabs.push(tab);
      await armCardTimer(tab, count);
    }
    const [popupTab, referenceTab, copyTab] = tabs;
    if (!popupTab || !referenceTab || !copyTab) throw new Error('Tabs did not open.');
    const rounds = await measureRounds(plan.warmUps, plan.renderRuns, (round) =>
      runRotation(round, [
        () => load(popupTab, urls.popup),
        () => load(referenceTab, urls.reference),
        () => load(copyTab, urls.extensionCopy),
      ]),
    );
    const pick = (index: number, field: keyof CardTimes) =>
      summarise(rounds.map((times) => times[index]?.[field] ?? Number.NaN));
    const getState = await measureRounds(plan.warmUps, plan.renderRuns, () =>
      timeGetState(popupTab),
    );
    return {
      accounts: count,
      popup: pick(0, 'laidOutMs'),
      reference: pick(1, 'laidOutMs'),
      extensionCopy: pick(2, 'laidOutMs'),
      heading: pick(0, 'headingMs'),
      referenceHeading: pick(1, 'headingMs'),
      extensionCopyHeading: pick(2, 'headingMs'),
      getState: summarise(getState.map((sample) => sample.ms)),
      stateBytes: getState[getState.length - 1]?.bytes ?? 0,
    };
  } finally {
    for (const tab of tabs) await tab.close();
  }
}
