/**
 * Facebook Login in a real browser: the options page switched to a Facebook Login profile, the
 * sandbox's Facebook dialog through `launchWebAuthFlow`, one card per Page with a linked Instagram
 * account, the Page token on the real clipboard, `debug_token` in Inspect, a user without any
 * linked account, and a revoked token found by "Check now".
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { SANDBOX_FB_USERS, SANDBOX_USERS } from '../../sandbox/defaults';
import { findChromium } from '../../scripts/find-chromium';
import { useConfiguredExtension } from '../support/browser/configured-extension';
import { accountCard, startConnect } from '../support/browser/extension-pages';
import { configureFacebookThroughOptions } from '../support/browser/facebook-setup';
import { clearAccounts, readBadge, readStoredAccounts } from '../support/browser/worker-storage';

const [PAGE_OWNER, NO_PAGES] = SANDBOX_FB_USERS;
/** The Page linked to `sandbox.business`, and the one without an Instagram account. */
const BUSINESS_PAGE = PAGE_OWNER.pages[0]!;
const SIDE_PAGE = PAGE_OWNER.pages[1]!;
const BUSINESS = SANDBOX_USERS[1];

const NodeSchema = z.looseObject({ id: z.string(), name: z.string() });

/** The facts of a `<dl>` as term → detail. */
function factsOf(list: Locator): Promise<Record<string, string>> {
  return list.evaluate((element) =>
    Object.fromEntries(
      [...element.querySelectorAll(':scope > div')].map((row) => [
        row.querySelector('dt')?.textContent ?? '',
        row.querySelector('dd')?.textContent ?? '',
      ]),
    ),
  );
}

describe.skipIf(!findChromium())('Facebook Login in Chromium', () => {
  const harness = useConfiguredExtension();

  beforeAll(async () => {
    await configureFacebookThroughOptions(harness.extension, harness.stack);
  });

  beforeEach(async () => {
    await harness.stack.control.reset();
    await clearAccounts(harness.extension);
  });

  /** Clicks Connect, picks the Facebook user whose name starts with `name`, and allows. */
  async function connectAs(popup: Page, name: string): Promise<void> {
    const facebook = await startConnect(harness.extension, popup);
    expect(new URL(facebook.url()).pathname).toBe(
      `/facebook/${harness.stack.facebook.graphVersion}/dialog/oauth`,
    );
    await facebook.getByRole('radio', { name: new RegExp(`^${name} \\(`) }).check();
    await facebook.getByRole('button', { name: 'Allow' }).click();
  }

  /** What the sandbox's Graph `/me` says about a Facebook token. */
  async function graphMe(token: string): Promise<z.infer<typeof NodeSchema>> {
    const { graphBase, graphVersion } = harness.stack.facebook;
    const response = await fetch(`${graphBase}/${graphVersion}/me`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return NodeSchema.parse(await response.json());
  }

  it('should connect the Page owner: one card via the linked Page, its Page token, and debug_token in Inspect', async () => {
    const popup = await harness.extension.openPopup();

    await connectAs(popup, PAGE_OWNER.name);

    const card = accountCard(popup, BUSINESS.username);
    await card.waitFor();
    await card.getByText(`Via the Facebook Page ${BUSINESS_PAGE.name}`, { exact: true }).waitFor();
    await card.getByText(/^Data access ends in (89|90) days/).waitFor();
    await card.getByText('The Page token does not expire.', { exact: true }).waitFor();
    await popup
      .getByRole('status')
      .filter({ hasText: `@${BUSINESS.username} via ${BUSINESS_PAGE.name}.` })
      .filter({ hasText: `${SIDE_PAGE.name}: no Instagram account linked.` })
      .waitFor();
    await expect(popup.getByRole('listitem', { name: /^@/ }).count()).resolves.toBe(1);
    await expect(popup.getByText(`Via the Facebook Page ${SIDE_PAGE.name}`).count()).resolves.toBe(
      0,
    );
    expect(Object.keys(await readStoredAccounts(harness.extension))).toEqual([BUSINESS.user_id]);
    // Facebook Login tokens are never refreshed: no button offers it.
    await card.getByRole('button', { name: 'Check now' }).waitFor();
    await expect(card.getByRole('button', { name: 'Refresh now' }).count()).resolves.toBe(0);

    await card.getByRole('button', { name: 'Copy token' }).click();
    await expect.poll(() => harness.clipboard.read()).toMatch(/^EAA/);
    const userToken = await harness.clipboard.read();
    await popup.bringToFront();
    await card.getByRole('button', { name: 'Copy Page token' }).click();
    await expect.poll(() => harness.clipboard.read()).not.toBe(userToken);
    const pageToken = await harness.clipboard.read();
    expect(pageToken).toMatch(/^EAA[A-Za-z0-9]{20,}$/);
    // The sandbox knows each token: the user's is the Page owner's, the other one is the Page's.
    await expect(graphMe(userToken)).resolves.toMatchObject({
      id: PAGE_OWNER.id,
      name: PAGE_OWNER.name,
    });
    await expect(graphMe(pageToken)).resolves.toMatchObject({
      id: BUSINESS_PAGE.id,
      name: BUSINESS_PAGE.name,
    });

    await popup.bringToFront();
    await card.getByText('Inspect').click();
    const debug = card.getByRole('region', { name: 'debug_token' });
    await debug.waitFor();
    const facts = await factsOf(debug.locator('dl'));
    expect(facts).toMatchObject({
      type: 'USER',
      user_id: PAGE_OWNER.id,
      is_valid: 'yes',
      application: expect.stringContaining(`(${harness.stack.facebook.appId})`),
    });
    expect(facts.scopes?.split(', ')).toEqual(
      expect.arrayContaining(['instagram_basic', 'pages_show_list']),
    );
    for (const field of ['issued_at', 'expires_at', 'data_access_expires_at']) {
      expect(facts[field], field).toMatch(/\d/);
    }
    const granular = debug.getByRole('list', { name: 'Granular scopes' }).getByRole('listitem');
    await expect(granular.allTextContents()).resolves.toEqual(
      expect.arrayContaining([
        `instagram_basic: ${BUSINESS.user_id}`,
        `pages_show_list: ${BUSINESS_PAGE.id}, ${SIDE_PAGE.id}`,
      ]),
    );
    const panel = await factsOf(card.locator('.inspect > dl'));
    expect(panel).toMatchObject({
      Kind: 'Facebook Login (EAA…)',
      Page: `${BUSINESS_PAGE.name} (${BUSINESS_PAGE.id})`,
      'Data access expires': expect.stringMatching(/\d/),
    });
    expect(harness.stack.proxyCalls('/v1/debug')).toBeGreaterThanOrEqual(1);
    await popup.close();
  });

  it('should explain that no Instagram account is linked for a user without Pages, and store nothing', async () => {
    const exchanges = harness.stack.proxyCalls('/v1/exchange');
    const popup = await harness.extension.openPopup();

    await connectAs(popup, NO_PAGES.name);

    await popup
      .getByText('No Instagram account is linked to a Facebook Page of this user.', { exact: true })
      .waitFor();
    await popup
      .getByText(
        'Link a professional Instagram account to a Page you manage (Page settings → Linked accounts → Instagram), then connect again.',
      )
      .waitFor();
    // The code was exchanged; only the Pages then showed there is nothing to store.
    expect(harness.stack.proxyCalls('/v1/exchange')).toBeGreaterThan(exchanges);
    expect((await harness.stack.control.calls())['facebook/me/accounts']).toBe(1);
    await expect(popup.getByRole('listitem', { name: /^@/ }).count()).resolves.toBe(0);
    expect(await readStoredAccounts(harness.extension)).toEqual({});
    await popup.close();
  });

  it('should import a pasted Facebook user token, and refuse a Page token without storing it', async () => {
    const control = harness.stack.control.facebook;
    const page = await control.issueToken({
      userId: PAGE_OWNER.id,
      kind: 'page',
      pageId: BUSINESS_PAGE.id,
    });
    const user = await control.issueToken({ userId: PAGE_OWNER.id, kind: 'long' });
    const popup = await harness.extension.openPopup();
    await popup.getByText('Import a token').click();
    const importToken = async (token: string) => {
      await popup.getByLabel('Token to import').fill(token);
      await popup.getByRole('button', { name: 'Import' }).click();
    };

    await importToken(page.access_token);
    await popup
      .getByText(
        'This is a Page token. Paste the Facebook user token: its Pages are found from it.',
      )
      .waitFor();
    expect(await readStoredAccounts(harness.extension)).toEqual({});

    await importToken(user.access_token);
    await popup.getByText(`Imported @${BUSINESS.username}.`, { exact: true }).waitFor();
    const card = accountCard(popup, BUSINESS.username);
    await card.getByText(`Via the Facebook Page ${BUSINESS_PAGE.name}`, { exact: true }).waitFor();
    await card.getByText(/^Expires in 60 days/).waitFor();
    await popup.close();
  });

  it('should show "Revoked" after "Check now" once Facebook revoked the token', async () => {
    await harness.stack.control.facebook.setConsent('allow', PAGE_OWNER.id);
    const popup = await harness.extension.openPopup();
    await popup.getByRole('button', { name: 'Connect Instagram account' }).click();
    const card = accountCard(popup, BUSINESS.username);
    await card.getByText('Valid', { exact: true }).waitFor();

    await harness.stack.control.facebook.revoke(PAGE_OWNER.id, 460);
    const checks = (await harness.stack.control.calls())['facebook/debug_token'];
    await card.getByRole('button', { name: 'Check now' }).click();

    await card.getByText('Revoked', { exact: true }).waitFor();
    expect((await harness.stack.control.calls())['facebook/debug_token']).toBe(checks + 1);
    const account = (await readStoredAccounts(harness.extension))[BUSINESS.user_id];
    expect(account).toMatchObject({ health: 'revoked' });
    await expect
      .poll(async () => (await readBadge(harness.extension)).title)
      .toContain(`@${BUSINESS.username}: token revoked`);
    await popup.close();
  });
});
