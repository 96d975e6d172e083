/**
 * Chromium stops an idle extension service worker whenever it likes, and with it everything in
 * its memory. Here it is stopped (CDP `ServiceWorker.stopWorker`) at each point of a login where
 * the flow lives only in that memory; the login must then fail with a clear message, leave nothing
 * half-written, and work when tried again.
 *
 * Stopped while Instagram's window is open, the login leaves that window behind: Chrome keeps its
 * flow, and allows one per extension, until the window closes. A retry meanwhile must say so.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/find-chromium';
import { useConfiguredExtension } from '../support/browser/configured-extension';
import { accountCard, startConnect } from '../support/browser/extension-pages';
import { stopServiceWorker } from '../support/browser/service-worker-control';
import { expectNothingHalfWritten } from '../support/browser/stored-state-checks';
import {
  clearAccounts,
  readAlarms,
  readLoginSession,
  readStoredAccounts,
} from '../support/browser/worker-storage';

const CREATOR_ID = '27640875392278831';
const INTERRUPTED = 'The connection was interrupted before it finished.';
/** How long a poll may wait for the background or the sandbox on a busy machine. */
const POLL_TIMEOUT_MS = 20_000;

describe.skipIf(!findChromium())('a service worker stopped in the middle of a login', () => {
  const harness = useConfiguredExtension();

  beforeEach(async () => {
    await harness.stack.control.reset();
    await clearAccounts(harness.extension);
  });

  /** Clicks Connect with Instagram answering at once, and waits until `endpoint` is held. */
  async function connectUntilHeld(endpoint: 'oauth/access_token' | 'me'): Promise<undefined> {
    const { control } = harness.stack;
    await control.setConsent('allow');
    // The sandbox holds this answer until its caller gives up: the proxy after 10 s, the
    // extension's own Graph call after 15 s. Stopping the worker takes well under a second.
    await control.failNext(endpoint, 'timeout');
    const popup = await harness.extension.openPopup();
    await popup.getByRole('button', { name: 'Connect Instagram account' }).click();
    await expect
      .poll(async () => (await control.state()).heldRequests, { timeout: POLL_TIMEOUT_MS })
      .toBe(1);
    expect((await readLoginSession(harness.extension)).connectProgress?.phase).toBe('exchanging');
    // A real popup closes when the login window takes the focus.
    await popup.close();
    return undefined;
  }

  /** Opens the login window and waits on Instagram's consent page; resolves to that window. */
  async function connectUntilConsentPage(): Promise<Page> {
    const popup = await harness.extension.openPopup();
    const instagram = await startConnect(harness.extension, popup);
    await instagram.getByRole('button', { name: 'Allow' }).waitFor();
    expect((await readLoginSession(harness.extension)).connectProgress?.phase).toBe('authorizing');
    await popup.close();
    return instagram;
  }

  it.each([
    ['the proxy exchanges the code', () => connectUntilHeld('oauth/access_token')],
    ['the new token is used to read the profile', () => connectUntilHeld('me')],
    ['Instagram shows its consent page', connectUntilConsentPage],
  ])(
    'should fail clearly, leave nothing half-written and connect on a retry when stopped while %s',
    async (_moment, reachMoment) => {
      const leftWindow = await reachMoment();

      await stopServiceWorker(harness.extension);

      // Opening the popup starts a fresh worker, which finds the login it can no longer finish.
      const popup = await harness.extension.openPopup();
      await popup.getByText(INTERRUPTED).waitFor();
      await expectNothingHalfWritten(harness.extension, popup);
      expect(await readStoredAccounts(harness.extension)).toEqual({});

      await harness.stack.control.setConsent('allow');
      const connect = popup.getByRole('button', { name: 'Connect Instagram account' });
      if (leftWindow) {
        await connect.click();
        await popup.getByText('A connection is already in progress.').waitFor();
        await popup.getByText('Finish or close the Instagram window first.').waitFor();
        await expectNothingHalfWritten(harness.extension, popup);
        await leftWindow.close();
      }
      await connect.click();
      await accountCard(popup, 'sandbox.creator').waitFor();
      await expect
        .poll(async () => [...(await readAlarms(harness.extension)).keys()], {
          timeout: POLL_TIMEOUT_MS,
        })
        .toContain(`upkeep:${CREATOR_ID}`);
      await expectNothingHalfWritten(harness.extension, popup);
      await popup.close();
    },
  );
});
