import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { AppState } from './app-state';
import { BADGE_COLORS, describeBadge, updateBadge } from './badge';
import { enablePassphrase, lockVault } from './vault/vault';

const VAULT = {
  protection: 'device',
  locked: false,
  autoLockMinutes: 15,
  unlockRetryAfterMs: 0,
} as const;

function state(overrides: Partial<AppState>): AppState {
  return {
    vault: VAULT,
    vaultError: null,
    accounts: [],
    connect: null,
    setupComplete: true,
    ...overrides,
  };
}

describe('describeBadge', () => {
  it('should be empty when all is well', () => {
    expect(describeBadge(state({})).text).toBe('');
  });

  it('should show a lock sign, and say so in the tooltip, while the vault is locked', () => {
    const actual = describeBadge(
      state({ vault: { ...VAULT, protection: 'passphrase', locked: true } }),
    );

    expect(actual).toMatchObject({ text: '🔒', color: BADGE_COLORS.grey });
    expect(actual.title).toContain('locked');
  });

  it('should show a red sign when the vault cannot be read', () => {
    const actual = describeBadge(
      state({
        vault: null,
        vaultError: { code: 'vault_corrupt', message: 'Cannot decrypt.', hint: 'Reset the vault.' },
      }),
    );

    expect(actual).toMatchObject({ text: '!', color: BADGE_COLORS.red });
    expect(actual.title).toContain('Reset the vault.');
  });
});

describe('updateBadge', () => {
  it('should draw the lock from stored state', async () => {
    const setBadgeText = vi.spyOn(browser.action, 'setBadgeText').mockResolvedValue();
    vi.spyOn(browser.action, 'setBadgeBackgroundColor').mockResolvedValue();
    vi.spyOn(browser.action, 'setTitle').mockResolvedValue();
    await enablePassphrase('long enough pass');
    await lockVault();

    await updateBadge();

    expect(setBadgeText).toHaveBeenLastCalledWith({ text: '🔒' });
  });
});
