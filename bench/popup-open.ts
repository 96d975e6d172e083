/**
 * How long the popup takes to show its heading in real Chromium, against a static page with one
 * `<h1>` served from loopback in the same browser: the difference is what our page costs.
 */
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { launchExtension } from '../tests/support/browser/launch-extension';
import { summarise, timePair, type TimingSummary } from './stats';

/** Measured opens of each page. */
export const POPUP_OPENS = 15;
const WARM_UP_OPENS = 2;
const REFERENCE_PAGE =
  '<!doctype html><html><head><title>Reference</title></head><body><h1>Ref</h1></body></html>';

/** Timings from navigation start to the first visible `h1`. */
export interface PopupOpen {
  readonly popup: TimingSummary;
  readonly reference: TimingSummary;
  /** Median popup minus median reference. */
  readonly differenceMs: number;
}

/** Opens the popup of the unpacked build in `extensionDir` and the reference page, alternately. */
export async function measurePopupOpen(extensionDir: string): Promise<PopupOpen> {
  const reference = await serveReferencePage();
  const extension = await launchExtension({ extensionDir });
  try {
    const popupSamples: number[] = [];
    const referenceSamples: number[] = [];
    for (let round = 0; round < WARM_UP_OPENS + POPUP_OPENS; round += 1) {
      const popupPage = await extension.context.newPage();
      const referencePage = await extension.context.newPage();
      const [popupMs, referenceMs] = await timePair(
        round,
        () => showHeading(popupPage, extension.popupUrl),
        () => showHeading(referencePage, reference.url),
      );
      await popupPage.close();
      await referencePage.close();
      if (round < WARM_UP_OPENS) continue;
      popupSamples.push(popupMs);
      referenceSamples.push(referenceMs);
    }
    const popup = summarise(popupSamples);
    const referenceSummary = summarise(referenceSamples);
    return {
      popup,
      reference: referenceSummary,
      differenceMs: popup.medianMs - referenceSummary.medianMs,
    };
  } finally {
    await extension.close();
    await new Promise((done) => reference.server.close(done));
  }
}

/** Navigates and waits for the first `h1` to be visible; timed by the caller. */
async function showHeading(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('h1').first().waitFor({ state: 'visible' });
}

function serveReferencePage(): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(REFERENCE_PAGE);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}
