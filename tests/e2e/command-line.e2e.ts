/**
 * The `igtt` command line against the real extension in headless Chromium: the host manifest sits
 * in the test profile's NativeMessagingHosts/, the socket in a temp folder, and every command runs
 * as a user would run it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/find-chromium';
import { useConfiguredExtension } from '../support/browser/configured-extension';
import {
  accountCard,
  connectWithoutConsentPage,
  setCommandLineAccess,
} from '../support/browser/extension-pages';
import { createIgttHome, type IgttHome } from '../support/browser/igtt-command';
import { recordSecret } from '../support/browser/leak-journal';

const CREATOR_ID = '27640875392278831';
const PASSPHRASE = 'correct horse battery';

describe.skipIf(!findChromium())('the igtt command line in Chromium', () => {
  let home: IgttHome;
  const harness = useConfiguredExtension(async () => {
    home = await createIgttHome();
    return {
      env: home.env,
      // What `igtt install --chromium-user-data-dir` is for: a profile's own host manifests.
      prepareProfile: async (profile) => {
        const installed = await home.run([
          'install',
          '--browser',
          'chromium',
          '--chromium-user-data-dir',
          profile,
        ]);
        if (installed.code !== 0) throw new Error(`igtt install failed: ${installed.stderr}`);
      },
    };
  });
  let options: Page;

  /** The token as the popup copies it. */
  async function tokenFromPopup(): Promise<string> {
    const popup = await harness.extension.openPopup();
    await accountCard(popup, 'sandbox.creator').getByRole('button', { name: 'Copy token' }).click();
    await accountCard(popup, 'sandbox.creator').getByText('Copied').waitFor();
    const token = await harness.clipboard.read();
    await popup.close();
    return token;
  }

  beforeAll(async () => {
    const popup = await connectWithoutConsentPage(harness.extension, harness.stack.control);
    await popup.close();
    options = await harness.extension.context.newPage();
    await options.goto(harness.extension.optionsUrl);
    await setCommandLineAccess(options, true);
    await options.getByText('Connected to the igtt host.').waitFor();
  });

  afterAll(async () => {
    await home?.remove();
  });

  it('should print exactly the stored token, and nothing else', async () => {
    const expected = await tokenFromPopup();

    const actual = await home.run(['token']);

    expect(actual).toMatchObject({ code: 0, stdout: `${expected}\n` });
  });

  it('should list the account as JSON', async () => {
    const actual = await home.run(['list', '--json']);

    expect(actual.code).toBe(0);
    expect(JSON.parse(actual.stdout)).toEqual([
      expect.objectContaining({ username: 'sandbox.creator', id: CREATOR_ID, status: 'valid' }),
    ]);
  });

  it('should run a command with the token in its environment, not in its arguments', async () => {
    const expected = await tokenFromPopup();

    const actual = await home.run(['run', '--', 'sh', '-c', 'printf %s "$IG_ACCESS_TOKEN"']);

    expect(actual).toMatchObject({ code: 0, stdout: expected });
  });

  it('should note each read in the account history', async () => {
    await home.run(['token', '@sandbox.creator']);
    const popup = await harness.extension.openPopup();
    const card = accountCard(popup, 'sandbox.creator');

    await card.getByText('Inspect').click();

    await card.getByText(/Read by the command line/).waitFor();
    await popup.close();
  });

  it('should hand a new token to a hook on stdin when the account is reconnected', async () => {
    const out = join(home.env.HOME, 'hook-got-token');
    const added = await home.run([
      'hook',
      'add',
      '--account',
      '@sandbox.creator',
      '--',
      'sh',
      '-c',
      `cat > '${out}'`,
    ]);
    expect(added.code, added.stderr).toBe(0);
    const before = await tokenFromPopup();

    const popup = await harness.extension.openPopup();
    await accountCard(popup, 'sandbox.creator').getByRole('button', { name: 'Reconnect' }).click();
    await popup.getByText('Reconnected @sandbox.creator.').waitFor();
    await popup.close();

    const after = await tokenFromPopup();
    expect(after).not.toBe(before);
    await expect.poll(() => readFile(out, 'utf8').catch(() => ''), { timeout: 20_000 }).toBe(after);
  });

  it('should exit 5 while command-line access is off', async () => {
    await setCommandLineAccess(options, false);

    const actual = await home.run(['token']);

    expect(actual.code).toBe(5);
    expect(actual.stderr.trim().split('\n')).toHaveLength(1);
    await setCommandLineAccess(options, true);
    await options.getByText('Connected to the igtt host.').waitFor();
  });

  it('should exit 4 while the passphrase lock is on and the vault locked', async () => {
    recordSecret('passphrase', PASSPHRASE);
    await options.getByLabel('New passphrase').fill(PASSPHRASE);
    await options.getByLabel('Confirm passphrase').fill(PASSPHRASE);
    await options.getByRole('button', { name: 'Turn on passphrase lock' }).click();
    await options.getByRole('button', { name: 'Lock now' }).click();
    await options.getByRole('status').getByText('Locked.', { exact: true }).waitFor();

    const actual = await home.run(['token']);

    expect(actual.code).toBe(4);
  });

  it('should exit 3, saying how to fix it, once the browser is closed', async () => {
    await harness.extension.closeBrowser();

    const actual = await home.run(['token']);

    expect(actual.code).toBe(3);
    expect(actual.stderr).toContain('Start the browser');
  });
});
