/**
 * "Copy token" in the popup, timed in the page from the click event to "Copied" (which the
 * popup shows once `navigator.clipboard.writeText` has resolved), and the clipboard read back to
 * check that it holds that account's token. Each click is on another card, so every status
 * starts empty. Reference: a loopback page whose button copies a string it already holds, which
 * is the least a copy can cost in this browser.
 */
import type { Page } from 'playwright-core';
import type { ClipboardReader } from '../tests/support/browser/clipboard';
import type { LoadedExtension } from '../tests/support/browser/launch-extension';
import type { BenchPlan } from './bench-plan';
import { armCardTimer, CARD_SELECTOR, readCardTimes } from './card-timer';
import type { GraphUser } from './many-users-graph';
import type { PageServer } from './page-server';
import type { CopyInteraction } from './results-schema';
import { measureRounds, summarise } from './stats';

/** Marks the reference page's token so a test of the clipboard can tell it apart. */
const REFERENCE_TEXT = `IGAA${'r'.repeat(178)}ZD`;

/** The bare copy page: one button, one status, the same structure as the popup's CopyButton. */
const REFERENCE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Copy reference</title></head>
<body><ul class="accounts"><li class="account"><span class="copy"><button type="button">Copy token</button><span role="status"></span></span></li></ul>
<script>
const text = ${JSON.stringify(REFERENCE_TEXT)};
const status = document.querySelector('[role=status]');
document.querySelector('button').addEventListener('click', async () => {
  await navigator.clipboard.writeText(text);
  status.textContent = 'Copied';
});
</script></body></html>`;

/** Time for the popup to settle between clicks: a copy makes it and the worker redraw. */
const SETTLE_MS = 300;

/**
 * Arms the in-page timer on the `index`-th card's first copy button: the click's capture
 * listener starts the clock, the status turning "Copied" stops it, anything else fails. Only the
 * reference page's status is emptied first: the popup's belongs to Preact, which must find the
 * text node it rendered (each popup round uses a card not clicked before instead).
 */
function armCopyTimer(page: Page, index: number, emptyStatus: boolean): Promise<void> {
  return page.evaluate(
    ({ cardSelector, cardIndex, empty }) => {
      const copy = document.querySelectorAll(cardSelector)[cardIndex]?.querySelector('.copy');
      const status = copy?.querySelector('[role=status]');
      if (!copy || !status) throw new Error(`No copy button on card ${cardIndex}.`);
      if (empty) status.textContent = '';
      if (status.textContent !== '') throw new Error(`Card ${cardIndex} was copied before.`);
      window.igttBenchCopy = new Promise((resolve, reject) => {
        let clickedAt: number | undefined;
        document.addEventListener(
          'click',
          () => {
            clickedAt = performance.now();
          },
          { capture: true, once: true },
        );
        const observer = new MutationObserver(() => {
          const text = status.textContent ?? '';
          if (text === '' || clickedAt === undefined) return;
          observer.disconnect();
          if (text === 'Copied') resolve(performance.now() - clickedAt);
          else reject(new Error(`Copy failed: ${text}`));
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
      });
    },
    { cardSelector: CARD_SELECTOR, cardIndex: index, empty: emptyStatus },
  );
}

/** Clicks the armed button as a user would and returns the in-page time. */
async function clickAndTime(page: Page, index: number, emptyStatus: boolean): Promise<number> {
  await page.bringToFront();
  await armCopyTimer(page, index, emptyStatus);
  await page
    .locator(CARD_SELECTOR)
    .nth(index)
    .getByRole('button', { name: 'Copy token', exact: true })
    .click();
  return page.evaluate(() => {
    const copied = window.igttBenchCopy;
    if (!copied) throw new Error('The copy timer was not armed.');
    return copied;
  });
}

async function expectClipboard(clipboard: ClipboardReader, expected: string, what: string) {
  const actual = await clipboard.read();
  if (actual !== expected) throw new Error(`After copying ${what} the clipboard held other text.`);
}

/** Copies from a different card each round, alternating with the reference page. */
export async function measureCopyInteraction(
  extension: LoadedExtension,
  pages: PageServer,
  clipboard: ClipboardReader,
  users: readonly GraphUser[],
  plan: BenchPlan,
): Promise<CopyInteraction> {
  const referenceUrl = pages.setPage('/copy.html', REFERENCE_PAGE);
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: pages.origin,
  });
  const popup = await extension.context.newPage();
  const reference = await extension.context.newPage();
  try {
    await armCardTimer(popup, users.length);
    await popup.goto(extension.popupUrl, { waitUntil: 'commit' });
    await readCardTimes(popup);
    await reference.goto(referenceUrl);
    if (plan.warmUps + plan.copyRuns > users.length) throw new Error('Too few cards to click.');

    const copyPopup = async (round: number) => {
      const ms = await clickAndTime(popup, round, false);
      const user = users[round];
      if (user) await expectClipboard(clipboard, user.token, `@${user.username}'s token`);
      await popup.waitForTimeout(SETTLE_MS);
      return ms;
    };
    const copyReference = async () => {
      const ms = await clickAndTime(reference, 0, true);
      await expectClipboard(clipboard, REFERENCE_TEXT, 'the reference text');
      return ms;
    };
    const rounds = await measureRounds(plan.warmUps, plan.copyRuns, async (round) => {
      if (round % 2 === 0) {
        const popupMs = await copyPopup(round);
        return { popupMs, referenceMs: await copyReference() };
      }
      const referenceMs = await copyReference();
      return { popupMs: await copyPopup(round), referenceMs };
    });
    return {
      accounts: users.length,
      popup: summarise(rounds.map((round) => round.popupMs)),
      reference: summarise(rounds.map((round) => round.referenceMs)),
    };
  } finally {
    await popup.close();
    await reference.close();
  }
}
