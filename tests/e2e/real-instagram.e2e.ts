/**
 * The extension against a sandbox that is as unkind as Instagram: a login session that sticks, a
 * setup error page nobody can read, a flaky long-lived exchange, a malformed /me, and a token from
 * the retired Basic Display API.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_USERS } from '../../sandbox/defaults';
import { findChromium } from '../../scripts/find-chromium';
import { useConfiguredExtension } from '../support/browser/configured-extension';
import { accountCard, startConnect } from '../support/browser/extension-pages';
import { clearAccounts } from '../support/browser/worker-storage';

const [CREATOR, BUSINESS] = SANDBOX_USERS;

describe.skipIf(!findChromium())('real Instagram behaviour in Chromium', () => {
  const harness = useConfiguredExtension();

  beforeEach(async () => {
    await harness.stack.control.reset();
    await clearAccounts(harness.extension);
  });

  /** Connects `username` by picking it on the account chooser and clicking Allow. */
  async function connectAs(popup: Page, username: string, start?: () => Promise<void>) {
    const instagram = harness.extension.context.waitForEvent('page');
    await (
      start ?? (() => popup.getByRole('button', { name: 'Connect Instagram account' }).click())
    )();
    const page = await instagram;
    await page.getByRole('radio', { name: `@${username}` }).check();
    await page.getByRole('button', { name: 'Allow' }).click();
  }

  it('should connect two accounts in a row, and keep one card per account on reconnect', async () => {
    const popup = await harness.extension.openPopup();

    await connectAs(popup, CREATOR.username);
    await accountCard(popup, CREATOR.username).waitFor();
    // The login window kept the sandbox's session; force_reauth brings the chooser back.
    await connectAs(popup, BUSINESS.username);
    await accountCard(popup, BUSINESS.username).waitFor();
    await connectAs(popup, CREATOR.username, () =>
      accountCard(popup, CREATOR.username).getByRole('button', { name: 'Reconnect' }).click(),
    );
    await popup.getByText(`Reconnected @${CREATOR.username}.`).waitFor();

    await expect(popup.getByRole('listitem').count()).resolves.toBe(2);
    await expect(accountCard(popup, CREATOR.username).count()).resolves.toBe(1);
    expect((await harness.stack.control.state()).sessions).toBeGreaterThan(0);
    await popup.close();
  });

  it('should explain a login window closed on a setup error page, with the checklist', async () => {
    await harness.stack.control.configure({ pendingTesterUserIds: [CREATOR.user_id] });
    const popup = await harness.extension.openPopup();
    const instagram = await startConnect(harness.extension, popup);
    await instagram.getByRole('radio', { name: `@${CREATOR.username}` }).check();
    await instagram.getByRole('button', { name: 'Allow' }).click();
    await instagram.getByText(/Insufficient developer role/i).waitFor();

    await instagram.close();

    await popup.getByText('The Instagram window closed before the login finished.').waitFor();
    const checklist = popup.getByRole('list', { name: 'Setup checklist' });
    await checklist
      .getByText(`https://${harness.extension.extensionId}.chromiumapp.org/`)
      .waitFor();
    await checklist.getByText(/Tester invites/).waitFor();
    await checklist.getByRole('button', { name: 'Copy redirect URI' }).click();
    await expect
      .poll(() => harness.clipboard.read())
      .toBe(`https://${harness.extension.extensionId}.chromiumapp.org/`);
    expect((await harness.stack.control.calls())['oauth/access_token']).toBe(0);
    await popup.close();
  });

  it('should retry a flaky long-lived exchange and still get the 60-day token', async () => {
    await harness.stack.control.failNext('access_token', 'unsupported_get', 2);
    const popup = await harness.extension.openPopup();

    await connectAs(popup, CREATOR.username);

    const card = accountCard(popup, CREATOR.username);
    await card.getByText(/Expires in 60 days/).waitFor();
    const calls = await harness.stack.control.calls();
    expect(calls['oauth/access_token']).toBe(1);
    expect(calls.access_token).toBe(3);
    await popup.close();
  });

  it('should keep a login whose long-lived exchange keeps failing, as a one-hour token', async () => {
    await harness.stack.control.failNext('access_token', 'unsupported_get', 1000);
    const popup = await harness.extension.openPopup();

    await connectAs(popup, CREATOR.username);

    await popup.getByText(/only for one hour/).waitFor();
    const card = accountCard(popup, CREATOR.username);
    await card.getByText(/This token lasts one hour/).waitFor();
    await card.getByText(/Expires in (1 hour|60 minutes|59 minutes)/).waitFor();
    await popup.getByRole('button', { name: 'Try again' }).waitFor();
    await popup.close();
  });

  it('should refuse a malformed /me id with a message, leaving the other accounts usable', async () => {
    const popup = await harness.extension.openPopup();
    await connectAs(popup, BUSINESS.username);
    await accountCard(popup, BUSINESS.username).waitFor();
    await harness.stack.control.configure({ meUserId: 'non_numeric' });

    await connectAs(popup, CREATOR.username);

    await popup.getByText(/its user_id is not a number/).waitFor();
    await expect(popup.getByRole('listitem', { name: /^@/ }).count()).resolves.toBe(1);
    const survivor = accountCard(popup, BUSINESS.username);
    await survivor.getByRole('button', { name: 'Copy token' }).click();
    await expect.poll(() => harness.clipboard.read()).toMatch(/^IGAA/);
    await popup.close();
  });

  it('should recognise a pasted Basic Display token and say how to move on', async () => {
    const retired = await harness.stack.control.issueToken({
      userId: CREATOR.user_id,
      kind: 'basic_display',
    });
    const popup = await harness.extension.openPopup();
    await popup.getByText('Import a token').click();

    await popup.getByLabel('Token to import').fill(retired.access_token);
    await popup.getByRole('button', { name: 'Import' }).click();

    await popup.getByText(/shut the Basic Display API down on 4 December 2024/).waitFor();
    await popup.getByText(/API setup with Instagram login/).waitFor();
    expect((await harness.stack.control.calls()).me).toBe(0);
    await popup.close();
  });
});
