/**
 * Keeps the background running while it works. Firefox unloads an event page once it has made no
 * call into the browser process for `extensions.background.idle.timeout` (30 s): a pending `fetch`
 * does not count, nor does a listener's pending promise, nor `storage.local` (answered in the
 * page's own process), so a slow proxy or Instagram could lose a login or a refresh half-way. A
 * call such as `runtime.getPlatformInfo` starts that clock again, as any API call does in Chrome.
 */
import { browser } from 'wxt/browser';

/**
 * How often a working background calls the browser. Far inside the 30 s, so that a late timer on
 * a busy machine still lands in time, and a shortened idle time (tests use a few seconds) too;
 * each call is one cheap message, and only while work is in flight.
 */
export const KEEP_ALIVE_INTERVAL_MS = 1_000;

/** A cheap extension API call; its answer is irrelevant, the call itself restarts the clock. */
function callBrowser(): Promise<unknown> {
  return browser.runtime.getPlatformInfo();
}

/** Settles as `task` does, calling the browser every {@link KEEP_ALIVE_INTERVAL_MS} until then. */
export async function keepAliveWhile<T>(
  task: Promise<T>,
  ping: () => Promise<unknown> = callBrowser,
): Promise<T> {
  const timer = setInterval(() => {
    ping().catch(() => undefined);
  }, KEEP_ALIVE_INTERVAL_MS);
  try {
    return await task;
  } finally {
    clearInterval(timer);
  }
}
