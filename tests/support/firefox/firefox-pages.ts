/**
 * What the Firefox tests do on the extension's pages and the sandbox's login window, by role and
 * accessible name as a user would. Text is awaited with `waitForFunction` rather than puppeteer's
 * `::-p-text()`, which in Firefox's extension pages never sees text that changes after loading.
 */
import type { Page } from 'puppeteer-core';
import { STEP_TIMEOUT_MS, type FirefoxExtension } from './launch-firefox';

/** An ARIA selector: the element with this role and exactly this accessible name. */
export function byRole(role: string, name: string): string {
  return `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;
}

/** Types into the text box labelled `label`, replacing what it held. */
export async function fillField(page: Page, label: string, value: string): Promise<void> {
  await page.locator(byRole('textbox', label)).fill(value);
}

/** Clicks the button named `name`. */
export async function clickButton(page: Page, name: string): Promise<void> {
  await page.locator(byRole('button', name)).click();
}

/** Waits until the page shows `text` somewhere. */
export async function waitForText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => document.body.textContent?.includes(wanted) === true,
    { polling: 100, timeout: STEP_TIMEOUT_MS },
    text,
  );
}

/**
 * Waits until the account card of `@username` holds an element whose whole text is `text`, or,
 * with `partial`, any text containing it.
 */
export async function waitForCardText(
  page: Page,
  username: string,
  text: string,
  { partial = false } = {},
): Promise<void> {
  await page.waitForFunction(
    (label, wanted, anywhere) => {
      const card = [...document.querySelectorAll('li')].find(
        (item) => item.getAttribute('aria-label') === label,
      );
      if (!card) return false;
      if (anywhere) return card.textContent?.includes(wanted) === true;
      return [...card.querySelectorAll('*')].some((element) => element.textContent === wanted);
    },
    { polling: 100, timeout: STEP_TIMEOUT_MS },
    `@${username}`,
    text,
    partial,
  );
}

/** The `datetime` of the expiry shown on the card of `@username` ("Expires in …"). */
export function readCardExpiry(page: Page, username: string): Promise<string | null> {
  return page.evaluate((label) => {
    const card = [...document.querySelectorAll('li')].find(
      (item) => item.getAttribute('aria-label') === label,
    );
    const time = [...(card?.querySelectorAll('time') ?? [])].find((element) =>
      element.parentElement?.textContent?.includes('Expires in'),
    );
    return time?.getAttribute('datetime') ?? null;
  }, `@${username}`);
}

/** Clicks a button inside the account card of `@username`. */
export async function clickCardButton(page: Page, username: string, name: string): Promise<void> {
  await page.locator(`${byRole('listitem', `@${username}`)} ${byRole('button', name)}`).click();
}

/** The endpoints the options page is filled with. */
export interface Endpoints {
  clientId: string;
  proxyUrl: string;
  sandboxUrl: string;
}

/** Fills the options page's app setup and saves it, as a user would; resolves once it says so. */
export async function configureThroughOptions(
  extension: FirefoxExtension,
  endpoints: Endpoints,
): Promise<void> {
  const page = await extension.openPage(extension.optionsUrl);
  await fillField(page, 'Client ID', endpoints.clientId);
  await fillField(page, 'Proxy URL', endpoints.proxyUrl);
  await fillField(page, 'Authorize URL', `${endpoints.sandboxUrl}/oauth/authorize`);
  await fillField(page, 'Graph API URL', endpoints.sandboxUrl);
  await clickButton(page, 'Save');
  await waitForText(page, 'Saved.');
  await page.close();
}

/**
 * Clicks Connect in the popup and returns the login window. Firefox first fetches the authorize
 * URL without a window, then opens one; only the window is a target.
 */
export async function startConnect(
  extension: FirefoxExtension,
  popup: Page,
  authorizeUrl: string,
): Promise<Page> {
  const opened = extension.browser.waitForTarget(
    (target) => target.url().startsWith(authorizeUrl),
    {
      timeout: STEP_TIMEOUT_MS,
    },
  );
  await clickButton(popup, 'Connect Instagram account');
  const page = await (await opened).page();
  if (!page) throw new Error('The login window has no page.');
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  await page.waitForSelector(byRole('button', 'Allow'));
  return page;
}

/** Picks `@username` on the sandbox's consent page and clicks Allow. */
export async function allowAs(login: Page, username: string): Promise<void> {
  const radios = await login.$$('input[type="radio"]');
  const labels = await Promise.all(
    radios.map((radio) => radio.evaluate((input) => input.closest('label')?.textContent ?? '')),
  );
  const radio = radios[labels.findIndex((text) => text.split(/\s+/).includes(`@${username}`))];
  if (!radio) throw new Error(`No account @${username} on the consent page.`);
  await radio.click();
  const allow = await login.waitForSelector(byRole('button', 'Allow'));
  if (!allow) throw new Error('No Allow button on the consent page.');
  // Firefox closes the window itself once it sees the redirect, which can happen while the click
  // is still being reported; a window that closes means the click went through.
  const closed = new Promise<boolean>((resolve) => {
    login.once('close', () => resolve(true));
    setTimeout(() => resolve(login.isClosed()), STEP_TIMEOUT_MS).unref();
  });
  await allow.click().catch(async (error: unknown) => {
    if (!(await closed)) throw error;
  });
}
