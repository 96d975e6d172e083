import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { makeAccount } from '@/tests/support/fixtures';
import { findAccount, saveAccount, updateAccount } from '@/utils/vault/account-store';
import { lifecyclePolicy } from './lifecycle-policy';
import { readLifecycleState } from './lifecycle-state';
import { notifyAccounts, reconnectFromNotification } from './notify-accounts';
import { createDefaultSettings } from '@/utils/settings/settings';
import { settingsItem } from '@/utils/settings/settings-store';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-28T12:00:00Z');

async function enableNotifications(enabled = true) {
  await settingsItem.write({
    ...createDefaultSettings(),
    notificationsEnabled: enabled,
    notifyDaysBeforeExpiry: 7,
  });
}

async function store(overrides: Parameters<typeof makeAccount>[0]) {
  const account = makeAccount({ id: '7', username: 'watched', ...overrides });
  await saveAccount(account.id, () => account, 'IGAAtoken');
}

function spyOnCreate() {
  return vi.spyOn(browser.notifications, 'create').mockResolvedValue(undefined);
}

let create: ReturnType<typeof spyOnCreate>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  create = spyOnCreate();
});

describe('notifyAccounts', () => {
  it('should say nothing when notifications are off', async () => {
    await enableNotifications(false);
    await store({ health: 'revoked' });

    await notifyAccounts(await readLifecycleState());

    expect(create).not.toHaveBeenCalled();
  });

  it('should notify a revoked token once, with a Reconnect button', async () => {
    await enableNotifications();
    await store({ health: 'revoked' });

    await notifyAccounts(await readLifecycleState());
    await notifyAccounts(await readLifecycleState());

    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith(
      'reconnect:7',
      expect.objectContaining({
        title: 'Instagram token stopped working',
        message: expect.stringContaining('@watched was revoked'),
        buttons: [{ title: 'Reconnect' }],
      }),
    );
    expect((await findAccount('7')).notified).toBe('dead');
  });

  it('should warn N days before an expiry that cannot be refreshed', async () => {
    await enableNotifications();
    await store({ expiresAt: NOW + 5 * DAY, refreshFailed: true });

    await notifyAccounts(await readLifecycleState());

    expect(create).toHaveBeenCalledWith(
      'reconnect:7',
      expect.objectContaining({
        message: expect.stringContaining('stops working in 5 days: it could not be refreshed'),
      }),
    );
  });

  it('should not warn about an expiry that refresh will take care of', async () => {
    await enableNotifications();
    await store({ issuedAt: NOW - 55 * DAY, expiresAt: NOW + 5 * DAY });

    await notifyAccounts(await readLifecycleState());

    expect(create).not.toHaveBeenCalled();
  });

  it('should warn again after the account recovered and failed anew', async () => {
    await enableNotifications();
    await store({ health: 'revoked' });
    await notifyAccounts(await readLifecycleState());
    await updateAccount('7', (account) => ({ ...account, health: 'ok' }));
    await notifyAccounts(await readLifecycleState());
    await updateAccount('7', (account) => ({ ...account, health: 'expired' }));

    await notifyAccounts(await readLifecycleState());

    expect(create).toHaveBeenCalledTimes(2);
  });

  it('should use the configured number of days', () => {
    const policy = lifecyclePolicy({ ...createDefaultSettings(), notifyDaysBeforeExpiry: 3 });

    expect(policy.notifyWindowMs).toBe(3 * DAY);
  });
});

describe('reconnectFromNotification', () => {
  it("should start a reconnect with the account's app profile and close the notification", async () => {
    const clear = vi.spyOn(browser.notifications, 'clear').mockResolvedValue(undefined);
    await store({ profileId: 'client-b' });
    const reconnect = vi.fn(() => Promise.resolve());

    await reconnectFromNotification('reconnect:7', reconnect);

    expect(reconnect).toHaveBeenCalledWith('client-b');
    expect(clear).toHaveBeenCalledWith('reconnect:7');
  });

  it('should ignore notifications that are not ours', async () => {
    const reconnect = vi.fn(() => Promise.resolve());

    await reconnectFromNotification('something-else', reconnect);

    expect(reconnect).not.toHaveBeenCalled();
  });
});
