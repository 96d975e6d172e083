/**
 * `npm run screenshots`: the README's picture of the popup, docs/popup.png. Starts the sandbox and
 * the proxy on free loopback ports, loads the built extension (`npm run build` first) in headless
 * Chromium, sets it up through the options page, connects both sandbox accounts, takes the
 * picture, and stops everything it started.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { SANDBOX_USERS } from '../sandbox/defaults';
import { launchConfiguredExtension } from '../tests/support/browser/configured-extension';
import {
  accountCard,
  connectWithoutConsentPage,
  startConnect,
} from '../tests/support/browser/extension-pages';
import type { LoadedExtension } from '../tests/support/browser/launch-extension';
import { PROJECT_ROOT } from './build-extension';

/** The file the README shows. */
const POPUP_SCREENSHOT = join(PROJECT_ROOT, 'docs', 'popup.png');

/** The popup's size in the toolbar, roughly. */
const POPUP_VIEWPORT = { width: 360, height: 600 };

const [CREATOR, BUSINESS] = SANDBOX_USERS;

async function main(): Promise<void> {
  const harness = await launchConfiguredExtension();
  try {
    const { extension, stack } = harness;
    const first = await connectWithoutConsentPage(extension, stack.control, CREATOR.username);
    await first.close();
    // The second account is picked on the consent page, as a user with two accounts would.
    await stack.control.setConsent('ask');
    const second = await extension.openPopup();
    const instagram = await startConnect(extension, second);
    await instagram.getByRole('radio', { name: `@${BUSINESS.username}` }).check();
    await instagram.getByRole('button', { name: 'Allow' }).click();
    await accountCard(second, BUSINESS.username).waitFor();
    await second.close();

    await screenshotPopup(extension, POPUP_SCREENSHOT);
    console.log(`Wrote ${POPUP_SCREENSHOT}`);
  } finally {
    await harness.close();
  }
}

/** Opens the popup at toolbar size once both accounts show, and saves it as a PNG at `path`. */
async function screenshotPopup(extension: LoadedExtension, path: string): Promise<void> {
  const popup: Page = await extension.context.newPage();
  await popup.setViewportSize(POPUP_VIEWPORT);
  await popup.goto(extension.popupUrl);
  for (const user of SANDBOX_USERS) await accountCard(popup, user.username).waitFor();
  await mkdir(dirname(path), { recursive: true });
  await popup.screenshot({ path, fullPage: true, animations: 'disabled' });
  await popup.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Screenshots failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
