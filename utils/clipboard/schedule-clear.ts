/**
 * The background's side of clearing a copied token, in a context that outlives the popup: an
 * offscreen document in Chrome (a service worker has no clipboard and may stop any time), and the
 * background page with an alarm in Firefox (which has no offscreen documents).
 */
import { browser } from 'wxt/browser';
import { words } from '@/utils/words';
import { clipboardJobItem } from '@/utils/vault/storage-items';
import { OFFSCREEN_PATH, type ClearLaterMessage } from './clear-later-message';
import { clearIfUnchanged, type ClipboardAccess } from './clipboard-guard';

/** The alarm that clears the clipboard in Firefox. */
export const CLIPBOARD_ALARM = 'clipboard-clear';

async function ensureOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT'],
    documentUrls: [url],
  });
  if (contexts.length > 0) return;
  await browser.offscreen.createDocument({
    url: OFFSCREEN_PATH,
    reasons: ['CLIPBOARD'],
    justification: words('offscreen_reason'),
  });
}

/** Arranges for the clipboard to be emptied after `seconds`, if it still holds the copied text. */
export async function scheduleClipboardClear(hash: string, seconds: number): Promise<void> {
  const delayMs = seconds * 1000;
  if (browser.offscreen) {
    await ensureOffscreenDocument();
    const message: ClearLaterMessage = {
      target: 'offscreen',
      type: 'clearClipboardLater',
      hash,
      delayMs,
    };
    await browser.runtime.sendMessage(message);
    return;
  }
  const clearAt = Date.now() + delayMs;
  await clipboardJobItem.write({ hash, clearAt });
  await browser.alarms.create(CLIPBOARD_ALARM, { when: clearAt });
}

/** The Firefox background page's clipboard. */
const pageClipboard: ClipboardAccess = {
  read: () => navigator.clipboard.readText(),
  write: (text) => navigator.clipboard.writeText(text),
};

/** Runs a pending clear when its alarm fires (Firefox). */
export async function runClipboardJob(clipboard: ClipboardAccess = pageClipboard): Promise<void> {
  const job = await clipboardJobItem.read();
  await clipboardJobItem.remove();
  if (job.success) await clearIfUnchanged(job.data.hash, clipboard);
}
