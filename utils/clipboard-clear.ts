/**
 * Schedules the clearing of a copied token, in a context that outlives the popup: an offscreen
 * document in Chrome (a service worker has no clipboard and may stop any time), and the background
 * page with an alarm in Firefox (which has no offscreen documents).
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { clearIfUnchanged, type ClipboardAccess } from './clipboard-guard';

/** The alarm that clears the clipboard in Firefox. */
export const CLIPBOARD_ALARM = 'clipboard-clear';

/** Path of the offscreen document (Chrome). */
export const OFFSCREEN_PATH = '/offscreen.html';

/** A message from the background to the offscreen document. */
export const ClearLaterMessageSchema = z.object({
  target: z.literal('offscreen'),
  type: z.literal('clearClipboardLater'),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  delayMs: z.number().check(z.int(), z.gte(0)),
});
/** A validated clear-later message. */
export type ClearLaterMessage = z.infer<typeof ClearLaterMessageSchema>;

const ClipboardJobSchema = z.object({ hash: z.string(), clearAt: z.number() });

/** The pending clear (Firefox), in memory-only storage: a hash, never the token. */
const clipboardJobItem = storage.defineItem<z.infer<typeof ClipboardJobSchema>>(
  'session:clipboardJob',
  {
    version: 1,
  },
);

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
    justification: 'Clear a copied access token from the clipboard after the delay the user chose.',
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
  await clipboardJobItem.setValue({ hash, clearAt });
  await browser.alarms.create(CLIPBOARD_ALARM, { when: clearAt });
}

/** The Firefox background page's clipboard. */
const pageClipboard: ClipboardAccess = {
  read: () => navigator.clipboard.readText(),
  write: (text) => navigator.clipboard.writeText(text),
};

/** Runs a pending clear when its alarm fires (Firefox). */
export async function runClipboardJob(clipboard: ClipboardAccess = pageClipboard): Promise<void> {
  const job = ClipboardJobSchema.safeParse(await clipboardJobItem.getValue());
  await clipboardJobItem.removeValue();
  if (job.success) await clearIfUnchanged(job.data.hash, clipboard);
}
