import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT_ID, SANDBOX_USERS } from '../../sandbox/defaults';
import { GRAPH_TIMEOUT_MS } from '../../utils/instagram/graph-client';
import { findFirefox } from '../../scripts/find-firefox';
import { FIREFOX_REDIRECT_URI } from '../../scripts/firefox-extension-id';
import { useConfiguredFirefox } from '../support/firefox/configured-firefox';
import {
  allowAs,
  clickButton,
  clickCardButton,
  readCardExpiry,
  startConnect,
  waitForCardText,
  waitForText,
} from '../support/firefox/firefox-pages';
import {
  backdateLastCheck,
  clearAccounts,
  readRetryAttempts,
} from '../support/firefox/firefox-storage';
import {
  fireAlarmNow,
  isBackgroundRunning,
  readBadge,
  readClipboard,
  readRedirectUrl,
} from '../support/firefox/in-extension';
import {
  BACKGROUND_IDLE_TIMEOUT_MS,
  STEP_TIMEOUT_MS,
  TEST_TIMEOUT_MS,
} from '../support/firefox/launch-firefox';

const [CREATOR, BUSINESS] = SANDBOX_USERS;
const DAY_MS = 86_400_000;

describe.skipIf(!findFirefox())('the extension in Firefox', () => {
  const harness = useConfiguredFirefox();
  const pages: Page[] = [];

  /** An extension page that is closed after the test. */
  const open = async (url: string) => {
    const page = await harness.extension.openPage(url);
    pages.push(page);
    return page;
  };
  const authorizeUrl = () => `${harness.stack.sandboxUrl}/oauth/authorize`;

  /** Connects `@sandbox.creator` with consent "allow", where the sandbox redirects at once. */
  const connectCreator = async (popup: Page) => {
    await harness.stack.control.setConsent('allow');
    await clickButton(popup, 'Connect Instagram account');
    await waitForCardText(popup, CREATOR.username, 'Valid');
  };

  /** Seven hours pass (past the check interval), then Firefox unloads the idle event page. */
  const makeCheckDue = async (popup: Page) => {
    await backdateLastCheck(popup, CREATOR.user_id, 7 * 3_600_000);
    // The popup's reaction to that storage change wakes the background; wait until it is gone.
    await expect
      .poll(() => isBackgroundRunning(popup), { timeout: STEP_TIMEOUT_MS, interval: 200 })
      .toBe(false);
  };

  beforeEach(async () => {
    await harness.stack.resetSandbox();
    const page = await harness.extension.openPage(harness.extension.popupUrl);
    await clearAccounts(page);
    await page.close();
  }, STEP_TIMEOUT_MS * 2);

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  }, STEP_TIMEOUT_MS);

  it(
    'should keep the setup saved through the options page, and show the Firefox redirect URI there',
    async () => {
      const options = await open(harness.extension.optionsUrl);

      await waitForText(options, FIREFOX_REDIRECT_URI);
      const fields = await options.$$eval(
        'input[type="text"], input[type="url"], input:not([type])',
        (inputs) => inputs.map((input) => (input instanceof HTMLInputElement ? input.value : '')),
      );
      expect(fields).toEqual(
        expect.arrayContaining([
          SANDBOX_CLIENT_ID,
          harness.stack.proxyUrl,
          `${harness.stack.sandboxUrl}/oauth/authorize`,
          harness.stack.sandboxUrl,
        ]),
      );
      expect(await readRedirectUrl(options)).toBe(FIREFOX_REDIRECT_URI);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should connect the account picked on the consent page after Allow, and show its expiry',
    async () => {
      const popup = await open(harness.extension.popupUrl);
      const login = await startConnect(harness.extension, popup, authorizeUrl());

      await allowAs(login, BUSINESS.username);

      await waitForCardText(popup, BUSINESS.username, 'Expires in 60 days', { partial: true });
      const expiry = Date.parse((await readCardExpiry(popup, BUSINESS.username)) ?? '');
      expect(expiry - Date.now()).toBeGreaterThan(59 * DAY_MS);
      expect(harness.stack.proxyCalls('/v1/exchange')).toBeGreaterThanOrEqual(1);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should put the token on the clipboard with "Copy token"',
    async () => {
      const popup = await open(harness.extension.popupUrl);
      await connectCreator(popup);

      await clickCardButton(popup, CREATOR.username, 'Copy token');

      await waitForCardText(popup, CREATOR.username, 'Copied');
      const token = await readClipboard(popup);
      expect(token).toMatch(/^IGAA[A-Za-z0-9]{150,}$/);
      const me = await fetch(`${harness.stack.sandboxUrl}/me?fields=username`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      await expect(me.json()).resolves.toEqual({ username: CREATOR.username });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should clear the copied token from the clipboard when its alarm fires',
    async () => {
      const popup = await open(harness.extension.popupUrl);
      await connectCreator(popup);
      await clickCardButton(popup, CREATOR.username, 'Copy token');
      await waitForCardText(popup, CREATOR.username, 'Copied');
      expect(await readClipboard(popup)).toMatch(/^IGAA/);

      // Firefox has no offscreen documents: the background page clears the clipboard when this
      // alarm fires (utils/clipboard/schedule-clear.ts), here at once rather than in 30 s.
      await fireAlarmNow(popup, 'clipboard-clear');

      await expect
        .poll(() => readClipboard(popup), { timeout: STEP_TIMEOUT_MS, interval: 200 })
        .toBe('');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should show "Revoked" once the upkeep alarm wakes the event page and the check finds the token revoked',
    async () => {
      const popup = await open(harness.extension.popupUrl);
      await connectCreator(popup);
      await harness.stack.control.revoke(CREATOR.user_id, 460);
      await makeCheckDue(popup);

      await fireAlarmNow(popup, `upkeep:${CREATOR.user_id}`);

      await waitForCardText(popup, CREATOR.username, 'Revoked');
      const badge = await readBadge(popup);
      expect(badge.text).toBe('!');
      expect(badge.title).toContain(`@${CREATOR.username}: token revoked`);
      expect((await harness.stack.control.calls()).me).toBeGreaterThanOrEqual(2);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should finish a check that outlasts the idle time of the event page',
    async () => {
      const popup = await open(harness.extension.popupUrl);
      await connectCreator(popup);
      await makeCheckDue(popup);
      // /me answers only once the extension gives up on it, three times the idle time later.
      expect(GRAPH_TIMEOUT_MS).toBeGreaterThanOrEqual(3 * BACKGROUND_IDLE_TIMEOUT_MS);
      await harness.stack.control.failNext('me', 'timeout');

      await fireAlarmNow(popup, `upkeep:${CREATOR.user_id}`);

      // Had Firefox unloaded the working page, the check would never end, and never be retried.
      await expect
        .poll(() => readRetryAttempts(popup, CREATOR.user_id), {
          timeout: GRAPH_TIMEOUT_MS + STEP_TIMEOUT_MS,
          interval: 500,
        })
        .toBe(1);
      await waitForCardText(popup, CREATOR.username, 'Offline');
    },
    TEST_TIMEOUT_MS,
  );
});
