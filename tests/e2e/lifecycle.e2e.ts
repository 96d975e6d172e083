import { describe, expect, it } from 'vitest';
import { accountCard, connectWithoutConsentPage } from '../support/browser/extension-pages';
import { findChromium } from '../../scripts/find-chromium';
import { useConfiguredExtension } from '../support/browser/configured-extension';
import { backdateLastCheck, fireUpkeepAlarm, readBadge } from '../support/browser/worker-storage';

const USER_ID = '27640875392278831';

describe.skipIf(!findChromium())('token lifecycle in Chromium', () => {
  const harness = useConfiguredExtension();

  it('should show "Revoked" in the popup and the badge once the check alarm finds the token revoked', async () => {
    const popup = await connectWithoutConsentPage(harness.extension, harness.stack.control);
    await harness.stack.control.revoke(USER_ID, 460);

    // Seven hours pass (past the check interval), then the account's alarm fires.
    await backdateLastCheck(harness.extension, USER_ID, 7 * 3_600_000);
    await fireUpkeepAlarm(harness.extension, USER_ID);

    await accountCard(popup, 'sandbox.creator').getByText('Revoked', { exact: true }).waitFor();
    const badge = await readBadge(harness.extension);
    expect(badge.text).toBe('!');
    expect(badge.title).toContain('@sandbox.creator: token revoked');
    expect((await harness.stack.control.calls()).me).toBeGreaterThanOrEqual(2);
  });
});
