/**
 * Times a page from navigation start to "every account card is in the DOM and laid out", the
 * same way for the popup and for its static copy: a script added before the page's own records
 * `performance.now()` (whose origin is the navigation start) from a MutationObserver.
 */
import type { Page } from 'playwright-core';

/** The selector of one account card, in the popup and in its static copy alike. */
export const CARD_SELECTOR = 'ul.accounts > li.account';

/** Milliseconds from navigation start. */
export interface CardTimes {
  /** The first `h1`: the popup has drawn its frame. */
  readonly headingMs: number;
  /** All cards present and laid out. */
  readonly laidOutMs: number;
}

const TIMEOUT_MS = 60_000;

/**
 * Runs in the page before anything else. It must not close over anything, nor name an inner
 * function: tsx compiles with esbuild's keepNames, whose `__name` helper does not exist in the page.
 */
function installCardTimer({ selector, count }: { selector: string; count: number }): void {
  window.igttBenchCards = new Promise((resolve) => {
    let headingMs: number | undefined;
    const observer = new MutationObserver(() => {
      if (headingMs === undefined && document.querySelector('h1')) headingMs = performance.now();
      const cards = document.querySelectorAll(selector);
      if (cards.length < count) return;
      // Reading geometry makes the browser compute style and layout now, so that is included.
      cards[cards.length - 1]?.getBoundingClientRect();
      const laidOutMs = performance.now();
      observer.disconnect();
      resolve({ headingMs: headingMs ?? laidOutMs, laidOutMs });
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** Arms the timer on a fresh page, before it navigates. */
export async function armCardTimer(page: Page, count: number): Promise<void> {
  await page.addInitScript(installCardTimer, { selector: CARD_SELECTOR, count });
}

/** Waits for the armed page to show its cards and returns when it did. */
export async function readCardTimes(page: Page): Promise<CardTimes> {
  return page.evaluate(async (timeoutMs) => {
    const cards = window.igttBenchCards;
    if (!cards) throw new Error('The card timer was not armed on this page.');
    const expired = new Promise<never>((_resolve, reject) =>
      setTimeout(() => reject(new Error('The cards never all appeared.')), timeoutMs),
    );
    return Promise.race([cards, expired]);
  }, TIMEOUT_MS);
}

/** Opens `url` in a new page of the same browser, times it, and closes the page. */
export async function timeCards(newPage: () => Promise<Page>, url: string, count: number) {
  const page = await newPage();
  try {
    await armCardTimer(page, count);
    await page.goto(url, { waitUntil: 'commit' });
    return await readCardTimes(page);
  } finally {
    await page.close();
  }
}
