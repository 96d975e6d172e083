import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountCard, connectWithoutConsentPage } from '../support/browser/extension-pages';
import { findChromium } from '../../scripts/find-chromium';
import {
  launchConfiguredExtension,
  type ConfiguredExtension,
} from '../support/browser/configured-extension';
import type { LoadedExtension } from '../support/browser/launch-extension';
import type { TestStack } from '../support/browser/stack';
import { backdateLastCheck, fireUpkeepAlarm, readBadge } from '../support/browser/worker-storage';

const USER_ID = '27640875392278831';

describe.skipIf(!findChromium())('token lifecycle in Chromium', () => {
  let harness: ConfiguredExtension;
  let stack: TestStack;
  let extension: LoadedExtension;

  beforeAll(async () => {
    harness = await launchConfiguredExtension();
    ({ stack, extension } = harness);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('should show "Revoked" in the popup and the badge once the check alarm finds the token revoked', async () => {
    const popup = await connectWithoutConsentPage(extension, stack.control);
    await stack.control.revoke(USER_ID, 460);

    // Seven hours pass (past the check interval), then the account's alarm fires.
    await backdateLastCheck(extension, USER_ID, 7 * 3_600_000);
    await fireUpkeepAlarm(extension, USER_ID);

    await accountCard(popup, 'sandbox.creator').getByText('Revoked', { exact: true }).waitFor();
    const badge = await readBadge(extension);
    expect(badge.text).toBe('!');
    expect(badge.title).toContain('@sandbox.creator: token revoked');
    expect((await stack.control.calls()).me).toBeGreaterThanOrEqual(2);
  });
});
