import { browser } from 'wxt/browser';
import { ClearLaterMessageSchema } from '@/utils/clipboard/clear-later-message';
import { clearIfUnchanged } from '@/utils/clipboard/clipboard-guard';
import { execCommandClipboard } from '@/utils/clipboard/exec-command-clipboard';

// Chrome keeps this document alive while the service worker sleeps, so the timer survives the
// popup closing. Only the latest copy matters: a new one replaces the pending clear.
let pending: ReturnType<typeof setTimeout> | undefined;

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  const parsed = ClearLaterMessageSchema.safeParse(message);
  if (!parsed.success || sender.id !== browser.runtime.id) return;
  clearTimeout(pending);
  pending = setTimeout(() => {
    void clearIfUnchanged(parsed.data.hash, execCommandClipboard(document));
  }, parsed.data.delayMs);
});
