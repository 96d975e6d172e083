/** What the browser tests do on the extension's pages, by label and role as a user would. */
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './launch-extension';

/** The endpoints a test points the extension at. */
export interface Endpoints {
  clientId: string;
  proxyUrl: string;
  sandboxUrl: string;
}

/** Fills the options page's app setup and saves it, as a user would. */
export async function configureThroughOptions(
  extension: LoadedExtension,
  endpoints: Endpoints,
): Promise<void> {
  const page = await extension.context.newPage();
  await page.goto(extension.optionsUrl);
  await page.getByLabel('Client ID').fill(endpoints.clientId);
  await page.getByLabel('Proxy URL').fill(endpoints.proxyUrl);
  await page.getByLabel('Authorize URL').fill(`${endpoints.sandboxUrl}/oauth/authorize`);
  await page.getByLabel('Graph API URL').fill(endpoints.sandboxUrl);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.').waitFor();
  await page.close();
}

/** Clicks Connect in the popup and returns the Instagram window that opens. */
export async function startConnect(extension: LoadedExtension, popup: Page): Promise<Page> {
  const instagram = extension.context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Connect Instagram account' }).click();
  const page = await instagram;
  await page.waitForLoadState();
  return page;
}

/** The account card of `@username` in the popup. */
export function accountCard(popup: Page, username: string) {
  return popup.getByRole('listitem', { name: `@${username}` });
}

/**
 * Connects the sandbox's first user with consent set to "allow", so that the authorize page
 * redirects at once, and waits for the account to appear in the popup.
 */
export async function connectWithoutConsentPage(
  extension: LoadedExtension,
  control: { setConsent(mode: 'allow'): Promise<unknown> },
  username = 'sandbox.creator',
): Promise<Page> {
  await control.setConsent('allow');
  const popup = await extension.openPopup();
  await popup.getByRole('button', { name: 'Connect Instagram account' }).click();
  await accountCard(popup, username).waitFor();
  return popup;
}

/**
 * Turns Settings → Command-line access on or off on an open options page, as a user would, and
 * waits until the box shows the stored setting (it changes once the background has saved it).
 */
export async function setCommandLineAccess(options: Page, on: boolean): Promise<void> {
  const label = 'Allow the igtt command line to read tokens';
  const box = options.getByRole('checkbox', { name: label });
  if ((await box.isChecked()) !== on) await box.click();
  await options.waitForFunction(
    ([text, wanted]) =>
      [...document.querySelectorAll('label')].some(
        (element) =>
          element.textContent?.includes(text) && element.querySelector('input')?.checked === wanted,
      ),
    [label, on] as const,
  );
}

/**
 * Sends one request to the background from an extension page, as the popup's buttons do, and
 * resolves to the raw reply (`{ok, data}` or `{ok, error}`).
 */
export function sendFromPage(page: Page, request: { type: string } & Record<string, unknown>) {
  return page.evaluate((message): Promise<unknown> => chrome.runtime.sendMessage(message), request);
}
