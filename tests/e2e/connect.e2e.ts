import { beforeEach, describe, expect, it } from 'vitest';
import { accountCard, startConnect } from '../support/browser/extension-pages';
import { findChromium } from '../../scripts/find-chromium';
import { useConfiguredExtension } from '../support/browser/configured-extension';

describe.skipIf(!findChromium())('connecting an Instagram account in Chromium', () => {
  const harness = useConfiguredExtension();

  beforeEach(async () => {
    await harness.stack.control.reset();
  });

  it('should show the exact redirect URI to register on the options page', async () => {
    const page = await harness.extension.context.newPage();
    await page.goto(harness.extension.optionsUrl);

    await page
      .getByText('https://blocadghaajijcfckkjphjkhmmlcniff.chromiumapp.org/', { exact: true })
      .waitFor();
    await page.close();
  });

  it('should connect after Allow, show @username and the expiry, and copy the token', async () => {
    const popup = await harness.extension.openPopup();
    const instagram = await startConnect(harness.extension, popup);

    await instagram.getByRole('button', { name: 'Allow' }).click();

    const card = accountCard(popup, 'sandbox.creator');
    await card.waitFor();
    await card.getByText(/Expires in 60 days/).waitFor();
    const datetime = await card
      .getByText(/Expires in 60 days/)
      .locator('time')
      .getAttribute('datetime');
    expect(Date.parse(datetime ?? '') - Date.now()).toBeGreaterThan(59 * 86_400_000);
    await card.getByRole('button', { name: 'Copy token' }).click();
    await card.getByText('Copied').waitFor();
    const token = await harness.clipboard.read();
    expect(token).toMatch(/^IGAA[A-Za-z0-9]{150,}$/);
    const me = await fetch(`${harness.stack.sandboxUrl}/me?fields=username`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    await expect(me.json()).resolves.toEqual({ username: 'sandbox.creator' });
    await popup.close();
  });

  it('should say "You declined access on Instagram" after Deny', async () => {
    const before = harness.stack.proxyCalls('/v1/exchange');
    const popup = await harness.extension.openPopup();
    const instagram = await startConnect(harness.extension, popup);

    await instagram.getByRole('button', { name: 'Deny' }).click();

    await popup.getByText('You declined access on Instagram.').waitFor();
    expect(harness.stack.proxyCalls('/v1/exchange')).toBe(before);
    await popup.close();
  });

  it('should reject a tampered state without calling the proxy', async () => {
    const before = harness.stack.proxyCalls('/v1/exchange');
    const popup = await harness.extension.openPopup();
    const instagram = await startConnect(harness.extension, popup);

    await instagram.locator('input[name="state"]').evaluate((input) => {
      if (input instanceof HTMLInputElement) input.value = 'tampered-by-an-attacker';
    });
    await instagram.getByRole('button', { name: 'Allow' }).click();

    await popup.getByText(/did not match a login started here/).waitFor();
    expect(harness.stack.proxyCalls('/v1/exchange')).toBe(before);
    expect((await harness.stack.control.calls())['oauth/access_token']).toBe(0);
    await popup.close();
  });

  it('should finish the flow with the popup closed, and show the account when it opens again', async () => {
    await harness.stack.control.reset();
    const popup = await harness.extension.openPopup();
    const instagram = await startConnect(harness.extension, popup);
    await popup.close();

    await instagram.getByRole('radio', { name: /sandbox\.business/ }).check();
    await instagram.getByRole('button', { name: 'Allow' }).click();

    const reopened = await harness.extension.openPopup();
    await accountCard(reopened, 'sandbox.business').waitFor();
    await reopened.close();
  });
});
