/**
 * Clipboard access for a document that never has focus (Chrome's offscreen document), where
 * `navigator.clipboard` refuses to work: the copy and paste events, fired by `execCommand`, with
 * the clipboardRead and clipboardWrite permissions.
 */
import type { ClipboardAccess } from './clipboard-guard';

/** Reads and writes the clipboard through `document.execCommand`. */
export function execCommandClipboard(document: Document): ClipboardAccess {
  return {
    read: () =>
      new Promise((resolve) => {
        let text = '';
        const onPaste = (event: ClipboardEvent) => {
          text = event.clipboardData?.getData('text/plain') ?? '';
          event.preventDefault();
        };
        document.addEventListener('paste', onPaste, { once: true });
        document.execCommand('paste');
        document.removeEventListener('paste', onPaste);
        resolve(text);
      }),
    write: (text) =>
      new Promise((resolve) => {
        const onCopy = (event: ClipboardEvent) => {
          event.clipboardData?.setData('text/plain', text);
          event.preventDefault();
        };
        document.addEventListener('copy', onCopy, { once: true });
        document.execCommand('copy');
        document.removeEventListener('copy', onCopy);
        resolve();
      }),
  };
}
