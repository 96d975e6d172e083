/**
 * What the Firefox tests run inside one of the extension's own pages, through `page.evaluate`:
 * there is no worker to evaluate in, and every extension page has the full `browser` API. Each
 * function is serialised into the page, so it may use nothing from this module but `browser`.
 */
import type { Browser } from '@wxt-dev/browser';
import type { Page } from 'puppeteer-core';

// The page's own global, declared for this module only: a project-wide `browser` global would let
// extension code that forgets to import it from wxt/browser type-check.
declare const browser: typeof Browser;

/** The redirect URI Firefox gives this add-on, as the extension itself reads it. */
export function readRedirectUrl(page: Page): Promise<string> {
  return page.evaluate(() => browser.identity.getRedirectURL());
}

/** One key of `storage.local`, unparsed (the caller validates it). */
export function readLocalStorage(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (name) => (await browser.storage.local.get(name))[name], key);
}

/** Writes one key of `storage.local`. */
export async function writeLocalStorage(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate((name, data) => browser.storage.local.set({ [name]: data }), key, value);
}

/** Removes one key of `storage.session`. */
export async function removeSessionStorage(page: Page, key: string): Promise<void> {
  await page.evaluate((name) => browser.storage.session.remove(name), key);
}

/** Schedules alarm `name` for now, as if its time had come. */
export async function fireAlarmNow(page: Page, name: string): Promise<void> {
  await page.evaluate((alarm) => browser.alarms.create(alarm, { when: Date.now() }), name);
}

/**
 * Whether the event page is loaded. Firefox unloads it after `extensions.background.idle.timeout`
 * and loads it again for an event such as an alarm.
 */
export function isBackgroundRunning(page: Page): Promise<boolean> {
  return page.evaluate(
    async () => (await browser.runtime.getContexts({ contextTypes: ['BACKGROUND'] })).length > 0,
  );
}

/** The toolbar badge's text and tooltip. */
export function readBadge(page: Page): Promise<{ text: string; title: string }> {
  return page.evaluate(async () => ({
    text: await browser.action.getBadgeText({}),
    title: await browser.action.getTitle({}),
  }));
}

/**
 * The clipboard's text, read by an extension page: the extension's `clipboardRead` permission
 * lets it read without the paste prompt that web pages get, and without relaxing any pref.
 */
export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}
