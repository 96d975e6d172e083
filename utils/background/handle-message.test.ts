import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeAccount } from '@/tests/support/fixtures';
import { saveAccount } from '@/utils/vault/account-store';
import { handleMessage, isOwnPage } from './handle-message';

const SELF = {
  id: 'test-extension-id',
  baseUrl: 'chrome-extension://test-extension-id/',
  platform: {
    redirectUri: 'https://test-extension-id.chromiumapp.org/',
    launchWebAuthFlow: () => Promise.reject(new Error('not used here')),
  },
};
const POPUP = { id: SELF.id, url: `${SELF.baseUrl}popup.html` };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});

describe('isOwnPage', () => {
  it.each([
    ['the popup', POPUP, true],
    ['the options page', { id: SELF.id, url: `${SELF.baseUrl}options.html` }, true],
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }, false],
    [
      'a content script in a web page',
      { id: SELF.id, url: 'https://evil.example/', tab: {} },
      false,
    ],
    ['a sender without a URL', { id: SELF.id }, false],
  ])('should judge %s', (_name, sender, expected) => {
    expect(isOwnPage(sender, SELF)).toBe(expected);
  });
});

describe('handleMessage', () => {
  it('should refuse a request from a web page before running it', async () => {
    const actual = await handleMessage(
      { type: 'resetVault' },
      { id: SELF.id, url: 'https://evil.example/' },
      SELF,
    );

    expect(actual).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
  });

  it.each([
    ['an unknown type', { type: 'dropDatabase' }],
    ['a missing field', { type: 'unlock' }],
    ['a wrong field type', { type: 'setAutoLock', minutes: 'soon' }],
    ['an out-of-range value', { type: 'setAutoLock', minutes: 0 }],
    ['not an object', 'getState'],
  ])('should reject %s with a clear error', async (_name, message) => {
    const actual = await handleMessage(message, POPUP, SELF);

    expect(actual).toMatchObject({
      ok: false,
      error: { code: 'invalid_message', message: expect.any(String), hint: expect.any(String) },
    });
  });

  it('should answer getState with the accounts but never their sealed tokens', async () => {
    const token = `IGAA${'x'.repeat(170)}`;
    const account = makeAccount();
    await saveAccount(account.id, () => account, token);

    const actual = await handleMessage({ type: 'getState' }, POPUP, SELF);

    expect(actual).toMatchObject({
      ok: true,
      data: {
        vault: { protection: 'device', locked: false },
        vaultError: null,
        accounts: [{ id: '27640875392278831', username: 'sandbox.creator' }],
      },
    });
    expect(actual).toMatchObject({ data: { tokenPreviews: { [account.id]: 'IGAAxx…xxxx' } } });
    expect(JSON.stringify(actual)).not.toContain(token);
    expect(JSON.stringify(actual)).not.toMatch(/"token"|"ct"|"iv"/);
  });

  it('should run the passphrase lifecycle through messages', async () => {
    const enable = await handleMessage(
      { type: 'enablePassphrase', passphrase: 'long enough pass' },
      POPUP,
      SELF,
    );
    const lock = await handleMessage({ type: 'lock' }, POPUP, SELF);
    const wrong = await handleMessage({ type: 'unlock', passphrase: 'not the one' }, POPUP, SELF);

    expect(enable).toMatchObject({ ok: true, data: { protection: 'passphrase', locked: false } });
    expect(lock).toMatchObject({ ok: true, data: { locked: true } });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase', retryAfterMs: 1000 },
    });
  });
});
