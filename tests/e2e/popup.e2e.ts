import { beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/find-chromium';
import { accountCard, connectWithoutConsentPage } from '../support/browser/extension-pages';
import { useConfiguredExtension } from '../support/browser/configured-extension';
import { patchStoredSettings } from '../support/browser/worker-storage';

const CREATOR_ID = '27640875392278831';

function parseJson(text: string): unknown {
  return JSON.parse(text);
}

describe.skipIf(!findChromium())('the popup in Chromium', () => {
  const harness = useConfiguredExtension();

  beforeAll(async () => {
    const popup = await connectWithoutConsentPage(harness.extension, harness.stack.control);
    await popup.close();
  });

  it('should copy the token in each format', async () => {
    const popup = await harness.extension.openPopup();
    const card = accountCard(popup, 'sandbox.creator');
    await card.getByRole('button', { name: 'Copy token' }).click();
    await card.getByText('Copied').first().waitFor();
    const token = await harness.clipboard.read();
    expect(token).toMatch(/^IGAA[A-Za-z0-9]{150,}$/);
    const expected: Record<string, string> = {
      'Copy Authorization header': `Authorization: Bearer ${token}`,
      'Copy curl command': `curl -H 'Authorization: Bearer ${token}' '${harness.stack.sandboxUrl}/me?fields=user_id,username'`,
      'Copy .env line': `INSTAGRAM_ACCESS_TOKEN=${token}`,
    };

    await card.getByText('Copy as…').click();
    for (const [label, text] of Object.entries(expected)) {
      await popup.bringToFront();
      await card.getByRole('button', { name: label }).click();
      await expect.poll(() => harness.clipboard.read()).toBe(text);
    }
    await popup.bringToFront();
    await card.getByRole('button', { name: 'Copy JSON' }).click();
    await expect
      .poll(async () => parseJson(await harness.clipboard.read()))
      .toMatchObject({
        username: 'sandbox.creator',
        user_id: CREATOR_ID,
        scopes: ['instagram_business_basic'],
        access_token: token,
      });
    await popup.close();
  });

  it('should reveal the token and mask it again after 30 seconds', async () => {
    const popup = await harness.extension.context.newPage();
    await popup.clock.install();
    await popup.goto(harness.extension.popupUrl);
    const value = accountCard(popup, 'sandbox.creator').getByLabel('Access token');
    await expect.poll(() => value.textContent()).toMatch(/^IGAA..…....$/);

    await accountCard(popup, 'sandbox.creator').getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => value.textContent()).toMatch(/^IGAA[A-Za-z0-9]{150,}$/);
    // The clock is fake, animation frames included: a short run lets Preact start its 30 s timer.
    await popup.clock.runFor(100);
    await popup.clock.runFor(29_000);
    expect(await value.textContent()).toMatch(/^IGAA[A-Za-z0-9]{150,}$/);
    await popup.clock.runFor(1_000);

    await expect.poll(() => value.textContent()).toMatch(/^IGAA..…....$/);
    await popup.close();
  });

  it('should import a valid token, and refuse a bad one without storing it', async () => {
    const issued = await harness.stack.control.issueToken({ userId: '17841405793187218' });
    const popup = await harness.extension.openPopup();
    await popup.getByText('Import a token').click();
    const importToken = async (token: string) => {
      await popup.getByLabel('Token to import').fill(token);
      await popup.getByRole('button', { name: 'Import' }).click();
    };

    await importToken('IGAAthis-is-not-a-real-token-at-all-000000');
    await popup.getByText('Instagram does not recognise this token.').waitFor();
    await expect(popup.getByRole('listitem').count()).resolves.toBe(1);

    await importToken(issued.access_token);
    const card = accountCard(popup, 'sandbox.business');
    await card.getByText('Expiry unknown until the first refresh', { exact: true }).waitFor();
    await popup.close();
  });

  it('should remove an account after confirmation', async () => {
    const popup = await harness.extension.openPopup();
    const card = accountCard(popup, 'sandbox.business');

    await card.getByRole('button', { name: 'Remove' }).click();
    await popup
      .getByRole('group', { name: 'Remove @sandbox.business' })
      .getByRole('button', { name: 'Remove' })
      .click();

    await card.waitFor({ state: 'detached' });
    const stored = await harness.extension.worker.evaluate(() => chrome.storage.local.get('vault'));
    expect(JSON.stringify(stored)).not.toContain('17841405793187218');
    await popup.close();
  });

  it('should clear a copied token from the clipboard after the chosen delay, only if unchanged', async () => {
    await patchStoredSettings(harness.extension, { clipboardClearSeconds: 5 });
    const popup = await harness.extension.openPopup();
    const copy = accountCard(popup, 'sandbox.creator').getByRole('button', { name: 'Copy token' });

    await copy.click();
    await expect.poll(() => harness.clipboard.read()).toMatch(/^IGAA/);
    await popup.close();
    await expect.poll(() => harness.clipboard.read(), { timeout: 15_000 }).toBe('');

    const again = await harness.extension.openPopup();
    await accountCard(again, 'sandbox.creator').getByRole('button', { name: 'Copy token' }).click();
    await expect.poll(() => harness.clipboard.read()).toMatch(/^IGAA/);
    await harness.clipboard.write('something the user copied later');
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect(await harness.clipboard.read()).toBe('something the user copied later');
    await again.close();
  });
});
