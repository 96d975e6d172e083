/** The popup's opening message, `getState`, sent from an open extension page and timed there. */
import type { Page } from 'playwright-core';

/** The round trip in milliseconds, timed in the page, and the reply's size as JSON. */
export function timeGetState(page: Page): Promise<{ ms: number; bytes: number }> {
  return page.evaluate(async () => {
    const started = performance.now();
    const reply: unknown = await chrome.runtime.sendMessage({ type: 'getState' });
    const ms = performance.now() - started;
    if (typeof reply !== 'object' || reply === null || !('ok' in reply) || reply.ok !== true) {
      throw new Error('getState failed.');
    }
    return { ms, bytes: JSON.stringify(reply).length };
  });
}
