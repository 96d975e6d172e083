import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { makeAccount, makeLifecycleState } from '@/tests/support/fixtures';
import { saveAccount } from '@/utils/vault/account-store';
import { lifecyclePolicy } from './lifecycle-policy';
import { readLifecycleState, type LifecycleState } from './lifecycle-state';
import { createDefaultSettings } from '@/utils/settings/settings';
import { BADGE_COLORS, describeBadge, updateBadge } from './badge';
import { enablePassphrase, lockVault } from '@/utils/vault/vault';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-28T12:00:00Z');
const POLICY = lifecyclePolicy(createDefaultSettings());

function state(overrides: Partial<LifecycleState>): LifecycleState {
  return makeLifecycleState({ policy: POLICY, now: NOW, ...overrides });
}

const healthy = makeAccount({ id: '1', username: 'fine.one', expiresAt: NOW + 40 * DAY });
const expiring = makeAccount({ id: '2', username: 'soon.gone', expiresAt: NOW + 4 * DAY });
const revoked = makeAccount({ id: '3', username: 'was.revoked', health: 'revoked' });
const stuck = makeAccount({
  id: '4',
  username: 'cannot.refresh',
  refreshFailed: true,
  expiresAt: NOW + 8 * DAY,
});

describe('describeBadge', () => {
  it('should be empty when every token is fine', () => {
    expect(describeBadge(state({ accounts: [healthy] }))).toMatchObject({ text: '' });
  });

  it('should show an amber sign naming the account inside the warning window', () => {
    const actual = describeBadge(state({ accounts: [healthy, expiring] }));

    expect(actual).toMatchObject({ text: '!', color: BADGE_COLORS.amber });
    expect(actual.title).toContain('@soon.gone: stops working in 4 days.');
    expect(actual.title).not.toContain('fine.one');
  });

  it('should show a red sign for a revoked token, saying which and why', () => {
    const actual = describeBadge(state({ accounts: [expiring, revoked] }));

    expect(actual).toMatchObject({ text: '!', color: BADGE_COLORS.red });
    expect(actual.title).toContain('@was.revoked: token revoked. Reconnect it.');
  });

  it('should show a red sign when refreshing failed', () => {
    expect(describeBadge(state({ accounts: [stuck] }))).toMatchObject({
      color: BADGE_COLORS.red,
    });
  });

  it('should show a red sign for an expired token', () => {
    const expired = makeAccount({ username: 'too.late', expiresAt: NOW - DAY });

    expect(describeBadge(state({ accounts: [expired] })).title).toContain(
      '@too.late: token expired.',
    );
  });

  it('should show a lock sign while locked, unless a token needs action now', () => {
    expect(describeBadge(state({ locked: true, accounts: [expiring] }))).toMatchObject({
      text: '🔒',
      color: BADGE_COLORS.grey,
    });
    expect(describeBadge(state({ locked: true, accounts: [revoked] })).color).toBe(
      BADGE_COLORS.red,
    );
  });

  it('should show a red sign when the vault cannot be read', () => {
    const actual = describeBadge(
      state({
        vaultError: { code: 'vault_corrupt', message: 'Cannot decrypt.', hint: 'Reset the vault.' },
      }),
    );

    expect(actual).toMatchObject({ text: '!', color: BADGE_COLORS.red });
    expect(actual.title).toContain('Reset the vault.');
  });
});

describe('updateBadge', () => {
  it('should draw from stored state', async () => {
    const setBadgeText = vi.spyOn(browser.action, 'setBadgeText').mockResolvedValue();
    const setTitle = vi.spyOn(browser.action, 'setTitle').mockResolvedValue();
    vi.spyOn(browser.action, 'setBadgeBackgroundColor').mockResolvedValue();
    await saveAccount(revoked.id, () => revoked, 'IGAAtoken');

    await updateBadge(await readLifecycleState());

    expect(setBadgeText).toHaveBeenLastCalledWith({ text: '!' });
    expect(setTitle.mock.lastCall?.[0].title).toContain('@was.revoked');
  });

  it('should draw the lock when the vault locks', async () => {
    const setBadgeText = vi.spyOn(browser.action, 'setBadgeText').mockResolvedValue();
    vi.spyOn(browser.action, 'setBadgeBackgroundColor').mockResolvedValue();
    vi.spyOn(browser.action, 'setTitle').mockResolvedValue();
    await enablePassphrase('long enough pass');
    await lockVault();

    await updateBadge(await readLifecycleState());

    expect(setBadgeText).toHaveBeenLastCalledWith({ text: '🔒' });
  });
});
