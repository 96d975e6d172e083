/**
 * Refresh in a real browser, with a token old enough that a refresh really happens: Instagram
 * failing it, and the user and the alarm asking for it all at once.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { findChromium } from '../../scripts/find-chromium';
import { useConfiguredExtension } from '../support/browser/configured-extension';
import {
  accountCard,
  connectWithoutConsentPage,
  sendFromPage,
} from '../support/browser/extension-pages';
import {
  backdateAccount,
  clearAccounts,
  fireUpkeepAlarm,
  readAlarms,
  readStoredAccounts,
} from '../support/browser/worker-storage';

const CREATOR_ID = '27640875392278831';
const DAY_MS = 86_400_000;
/** Older than the 50-day maximum age: every trigger finds the token due for a refresh. */
const TOKEN_AGE_DAYS = 51;
/** Chrome's shortest alarm delay, and the backoff's floor (utils/upkeep/backoff.ts). */
const MIN_DELAY_MS = 30_000;
/** The backoff's ceiling before jitter for a first retry (`BACKOFF_BASE_MS`). */
const FIRST_RETRY_CEILING_MS = 60_000;
/** How long a poll may wait for the background on a busy machine. */
const POLL_TIMEOUT_MS = 20_000;
/** How much later than the retry's base time the failure's history entry may be stamped. */
const STAMP_SLACK_MS = 1_000;

const TokenReplySchema = z.object({ ok: z.literal(true), data: z.object({ token: z.string() }) });
const RefreshReplySchema = z.object({
  ok: z.literal(true),
  data: z.object({ refreshed: z.boolean() }),
});

describe.skipIf(!findChromium())('token upkeep in Chromium', () => {
  const harness = useConfiguredExtension();
  let popup: Page;

  /** The stored token, as the popup's Copy button would read it. */
  async function storedToken(): Promise<string> {
    const reply = await sendFromPage(popup, { type: 'getToken', accountId: CREATOR_ID });
    return TokenReplySchema.parse(reply).data.token;
  }

  beforeEach(async () => {
    await harness.stack.control.reset();
    await clearAccounts(harness.extension);
    popup = await connectWithoutConsentPage(harness.extension, harness.stack.control);
    // The token is 51 days old on both sides: Instagram will refresh it, and the extension wants to.
    await harness.stack.control.advanceClock(TOKEN_AGE_DAYS * 86_400);
    await backdateAccount(harness.extension, CREATOR_ID, TOKEN_AGE_DAYS * DAY_MS);
  });

  afterEach(async () => {
    await popup.close();
  });

  it('should keep the token, show "Offline" and its history, and retry after the backoff when a refresh gets a 500', async () => {
    const before = await storedToken();
    await harness.stack.control.failNext('refresh_access_token', 'server_error');

    await fireUpkeepAlarm(harness.extension, CREATOR_ID);

    const card = accountCard(popup, 'sandbox.creator');
    await card.getByText('Offline', { exact: true }).waitFor();
    expect(await storedToken()).toBe(before);
    const account = (await readStoredAccounts(harness.extension))[CREATOR_ID];
    expect(account).toMatchObject({ health: 'network_error', retry: { attempt: 1 } });
    const [failure] = account?.events ?? [];
    expect(failure).toMatchObject({ type: 'refresh_failed', ok: false });
    const notBefore = account?.retry?.notBefore ?? 0;
    const failedAt = failure?.at ?? 0;
    // A first retry waits a uniform draw below 60 s, and never less than 30 s. The history entry
    // is stamped a moment after the retry time was computed, hence the few milliseconds' slack.
    expect(notBefore - failedAt).toBeGreaterThanOrEqual(MIN_DELAY_MS - STAMP_SLACK_MS);
    expect(notBefore - failedAt).toBeLessThanOrEqual(FIRST_RETRY_CEILING_MS);
    // The alarm fired and was set again for the retry, no sooner (nor 30 s after it was set).
    await expect
      .poll(async () => (await readAlarms(harness.extension)).get(`upkeep:${CREATOR_ID}`) ?? 0, {
        timeout: POLL_TIMEOUT_MS,
      })
      .toBeGreaterThanOrEqual(notBefore);
    const alarmAt = (await readAlarms(harness.extension)).get(`upkeep:${CREATOR_ID}`) ?? 0;
    expect(alarmAt).toBeLessThanOrEqual(Math.max(notBefore, Date.now() + MIN_DELAY_MS));
    await card.getByText('Inspect').click();
    await card.getByText('Instagram did not answer in time or answered with an error.').waitFor();
    expect((await harness.stack.control.calls()).refresh_access_token).toBe(1);
  });

  it('should make exactly one upstream refresh when 20 "Refresh now" requests and the alarm come at once', async () => {
    const before = await storedToken();

    const replies = await popup.evaluate(
      async ({ accountId, alarm }) => {
        const alarmFired = new Promise<void>((resolve) => {
          const listener = (fired: { name: string }) => {
            if (fired.name !== alarm) return;
            chrome.alarms.onAlarm.removeListener(listener);
            resolve();
          };
          chrome.alarms.onAlarm.addListener(listener);
        });
        const request = { type: 'refreshNow', accountId };
        const clicks = Array.from({ length: 20 }, (): Promise<unknown> =>
          chrome.runtime.sendMessage(request),
        );
        await chrome.alarms.create(alarm, { when: Date.now() });
        const answers = await Promise.all(clicks);
        await alarmFired;
        // The background queues this behind whatever the alarm started: its answer means all of
        // that is done.
        const last: unknown = await chrome.runtime.sendMessage(request);
        return [...answers, last];
      },
      { accountId: CREATOR_ID, alarm: `upkeep:${CREATOR_ID}` },
    );

    const reports = replies.map((reply) => RefreshReplySchema.parse(reply).data);
    expect(reports).toHaveLength(21);
    expect(reports.filter((report) => report.refreshed).length).toBeLessThanOrEqual(1);
    expect((await harness.stack.control.calls()).refresh_access_token).toBe(1);
    const after = await storedToken();
    expect(after).not.toBe(before);
    const me = await fetch(`${harness.stack.sandboxUrl}/me?fields=username`, {
      headers: { Authorization: `Bearer ${after}` },
    });
    expect(me.status).toBe(200);
    expect(
      (await readStoredAccounts(harness.extension))[CREATOR_ID]?.lastRefreshedAt,
    ).not.toBeNull();
  });
});
