import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FACEBOOK_APP_ID, fakeFacebookToken, makeFacebookProfile } from '@/tests/support/fixtures';
import { json, stubFetch, type FakeCall, type FakeRoute } from '@/tests/support/fake-fetch';
import { importToken } from '@/utils/connect/import-token';
import { createDefaultSettings, type AppProfile } from '@/utils/settings/settings';
import { settingsItem } from '@/utils/settings/settings-store';
import { listAccounts, readAccountToken } from '@/utils/vault/account-store';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const NOW_S = NOW / 1000;
const DAY_S = 86_400;
const FB_APP_ID = FACEBOOK_APP_ID;
const USER_TOKEN = fakeFacebookToken('User1');
const PAGE_TOKEN = fakeFacebookToken('Page1');
const BUSINESS_ID = '17841405793187218';

const FACEBOOK_PROFILE = makeFacebookProfile();

/** `debug_token` of a live long-lived user token, issued a day ago. */
const LIVE_USER = {
  app_id: FB_APP_ID,
  type: 'USER',
  application: 'Token Tool Sandbox',
  data_access_expires_at: NOW_S + 89 * DAY_S,
  expires_at: NOW_S + 59 * DAY_S,
  is_valid: true,
  issued_at: NOW_S - DAY_S,
  scopes: ['instagram_basic', 'pages_show_list'],
  granular_scopes: [
    { scope: 'instagram_basic', target_ids: [BUSINESS_ID] },
    { scope: 'pages_show_list', target_ids: ['104000000000001', '104000000000002'] },
  ],
  user_id: '10158000000000001',
};

const PAGES = {
  data: [
    {
      id: '104000000000001',
      name: 'Sandbox Business Page',
      access_token: PAGE_TOKEN,
      instagram_business_account: { id: BUSINESS_ID, username: 'sandbox.business' },
    },
    { id: '104000000000002', name: 'Sandbox Side Page', access_token: 'EAAside' },
  ],
};

/** Settings with the default Instagram profile and, unless told otherwise, a Facebook one. */
async function configure(facebook: Partial<AppProfile> | null = {}) {
  const settings = createDefaultSettings();
  settings.profiles[0] = {
    ...settings.profiles[0]!,
    clientId: '990001234567890',
    proxyUrl: 'http://127.0.0.1:8787',
  };
  if (facebook) settings.profiles.push({ ...FACEBOOK_PROFILE, ...facebook });
  await settingsItem.write(settings);
}

function stubFacebook(debug: FakeRoute): FakeCall[] {
  return stubFetch({
    '/v1/debug': debug,
    '/facebook/v25.0/me/accounts': () => json(PAGES),
  });
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await configure();
});

describe('importing a Facebook Login token', () => {
  it('should refuse an EAA token while no profile uses Facebook Login, without any call', async () => {
    await configure(null);
    const calls = stubFacebook(() => json(LIVE_USER));

    await expect(importToken(USER_TOKEN)).rejects.toMatchObject({
      code: 'facebook_profile_missing',
      message: 'This is a Facebook Login token (EAA…), and no app profile uses Facebook Login.',
    });
    expect(calls).toEqual([]);
    await expect(listAccounts()).resolves.toEqual([]);
  });

  it('should refuse it while the Facebook Login profile is incomplete', async () => {
    await configure({ proxyUrl: '' });
    const calls = stubFacebook(() => json(LIVE_USER));

    await expect(importToken(USER_TOKEN)).rejects.toMatchObject({ code: 'setup_incomplete' });
    expect(calls).toEqual([]);
  });

  it('should check the token with the proxy and store a card per linked Page, dated by debug_token', async () => {
    const calls = stubFacebook(() => json(LIVE_USER));

    // The Instagram profile is the active one: the token still goes to the Facebook Login one.
    const imported = await importToken(` ${USER_TOKEN}\n`);

    expect(imported).toEqual({
      accountId: BUSINESS_ID,
      username: 'sandbox.business',
      replaced: false,
      expiresAt: (NOW_S + 59 * DAY_S) * 1000,
    });
    const [debug, pages] = calls;
    expect(debug?.method).toBe('POST');
    expect(JSON.parse(debug?.body ?? '')).toEqual({
      access_token: USER_TOKEN,
      client_id: FB_APP_ID,
    });
    expect(debug?.url.search).toBe('');
    expect(pages?.headers.get('authorization')).toBe(`Bearer ${USER_TOKEN}`);
    const accounts = await listAccounts();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      id: BUSINESS_ID,
      username: 'sandbox.business',
      profileId: 'facebook',
      tokenKind: 'facebook_login',
      scopes: ['instagram_basic', 'pages_show_list'],
      issuedAt: NOW - DAY_S * 1000,
      expiresAt: (NOW_S + 59 * DAY_S) * 1000,
      dataAccessExpiresAt: (NOW_S + 89 * DAY_S) * 1000,
      page: { id: '104000000000001', name: 'Sandbox Business Page' },
      events: [
        expect.objectContaining({
          type: 'imported',
          ok: true,
          message:
            'Imported and checked with Facebook; found through the Page Sandbox Business Page.',
        }),
      ],
    });
    await expect(readAccountToken(BUSINESS_ID)).resolves.toBe(USER_TOKEN);
    await expect(readAccountToken(BUSINESS_ID, 'pageToken')).resolves.toBe(PAGE_TOKEN);
  });

  it('should store a token that never expires with no expiry, and one without issued_at as issued now', async () => {
    stubFacebook(() => json({ ...LIVE_USER, expires_at: 0, issued_at: undefined }));

    const imported = await importToken(USER_TOKEN);

    expect(imported.expiresAt).toBeNull();
    expect((await listAccounts())[0]).toMatchObject({ expiresAt: null, issuedAt: NOW });
  });

  it('should refuse a Page token, asking for the user token, and store nothing', async () => {
    const calls = stubFacebook(() =>
      json({ ...LIVE_USER, type: 'PAGE', profile_id: '104000000000001', expires_at: 0 }),
    );

    await expect(importToken(PAGE_TOKEN)).rejects.toMatchObject({
      code: 'token_invalid',
      message: 'This is a Page token. Paste the Facebook user token: its Pages are found from it.',
    });
    expect(calls.map((call) => call.url.pathname)).toEqual(['/v1/debug']);
    await expect(listAccounts()).resolves.toEqual([]);
  });

  it.each([
    ['expired (190/463)', { code: 190, subcode: 463 }, 'token_expired'],
    ['revoked (190/460)', { code: 190, subcode: 460 }, 'token_revoked'],
    ['revoked (190/458)', { code: 190, subcode: 458 }, 'token_revoked'],
    ['unknown to Facebook (190)', { code: 190 }, 'token_invalid'],
  ])(
    'should refuse a token debug_token calls %s, and store nothing',
    async (_name, error, code) => {
      const calls = stubFacebook(() =>
        json({
          ...LIVE_USER,
          is_valid: false,
          error: { ...error, message: 'Error validating access token.' },
        }),
      );

      await expect(importToken(USER_TOKEN)).rejects.toMatchObject({ code });
      expect(calls.map((call) => call.url.pathname)).toEqual(['/v1/debug']);
      await expect(listAccounts()).resolves.toEqual([]);
    },
  );

  it('should store nothing when the proxy cannot be reached', async () => {
    stubFacebook(() => Promise.reject(new TypeError('Failed to fetch')));

    await expect(importToken(USER_TOKEN)).rejects.toMatchObject({ code: 'proxy_unreachable' });
    await expect(listAccounts()).resolves.toEqual([]);
  });
});
