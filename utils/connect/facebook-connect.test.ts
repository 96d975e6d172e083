import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FACEBOOK_APP_ID, fakeFacebookToken, makeFacebookProfile } from '@/tests/support/fixtures';
import * as z from 'zod/mini';
import { json, stubFetch, type FakeCall, type FakeRoute } from '@/tests/support/fake-fetch';
import { authorizeEndpoint, graphApiBase } from '@/utils/settings/profile-endpoints';
import { createDefaultSettings } from '@/utils/settings/settings';
import { settingsItem } from '@/utils/settings/settings-store';
import { listAccounts, readAccountToken } from '@/utils/vault/account-store';
import { buildAuthorizeUrl } from './authorize-url';
import { checkRedirect } from './check-redirect';
import { startConnect, type ConnectPlatform } from './connect-account';
import { readConnectProgress } from './connect-progress';
import { pkceChallenge } from './pending-flows';

const REDIRECT = 'https://blocadghaajijcfckkjphjkhmmlcniff.chromiumapp.org/';
const ISSUED_AT = '2026-11-28T12:00:00.000Z';
const NOW = Date.parse(ISSUED_AT);
const FB_APP_ID = FACEBOOK_APP_ID;
const USER_TOKEN = fakeFacebookToken('User1');
const PAGE_TOKEN = fakeFacebookToken('Page1');
const BUSINESS_ID = '17841405793187218';

const FACEBOOK_PROFILE = makeFacebookProfile({ graphUrl: 'http://127.0.0.1:8788/facebook/' });

const EXCHANGED = {
  access_token: USER_TOKEN,
  token_type: 'bearer',
  expires_in: 5_184_000,
  user_id: '10158000000000001',
  permissions: ['instagram_basic', 'pages_show_list'],
  issued_at: ISSUED_AT,
  long_lived: true,
  flavor: 'facebook',
  data_access_expires_at: NOW / 1000 + 90 * 86_400,
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
  paging: { cursors: { before: 'MQ', after: 'Mg' } },
};

/** A login window that redirects with `answer(state)`, as Facebook would after a click. */
function platform(answer: (state: string) => string): ConnectPlatform & { urls: string[] } {
  const urls: string[] = [];
  return {
    redirectUri: REDIRECT,
    urls,
    launchWebAuthFlow: (url) => {
      urls.push(url);
      return Promise.resolve(answer(new URL(url).searchParams.get('state') ?? ''));
    },
  };
}

/** Facebook's Allow: the code, the state, and the `#_=_` it appends. */
const allow = () => platform((state) => `${REDIRECT}?code=AQDfbCode-1_2&state=${state}#_=_`);

function stubFacebook(pages: FakeRoute = () => json(PAGES)): FakeCall[] {
  return stubFetch({
    '/v1/exchange': () => json(EXCHANGED),
    '/facebook/v25.0/me/accounts': pages,
  });
}

async function connect(with_: ConnectPlatform) {
  const { finished } = await startConnect(undefined, with_);
  await finished;
  return readConnectProgress();
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  const settings = createDefaultSettings();
  settings.profiles = [FACEBOOK_PROFILE];
  settings.activeProfileId = FACEBOOK_PROFILE.id;
  await settingsItem.write(settings);
});

describe('the Facebook dialog URL', () => {
  it('should put the Graph API version in the dialog and Graph paths, whatever slashes the hosts end with', () => {
    expect(authorizeEndpoint(FACEBOOK_PROFILE)).toBe(
      'http://127.0.0.1:8788/facebook/v25.0/dialog/oauth',
    );
    expect(
      authorizeEndpoint({
        ...FACEBOOK_PROFILE,
        authorizeUrl: 'https://www.facebook.com/',
        graphVersion: 'v24.0',
      }),
    ).toBe('https://www.facebook.com/v24.0/dialog/oauth');
    expect(graphApiBase(FACEBOOK_PROFILE)).toBe('http://127.0.0.1:8788/facebook/v25.0');
  });

  it('should ask for a code with the App ID, the permissions, state and PKCE, and no force_reauth', () => {
    const url = new URL(
      buildAuthorizeUrl({
        flavor: 'facebook',
        authorizeUrl: 'https://www.facebook.com/v25.0/dialog/oauth',
        clientId: FB_APP_ID,
        redirectUri: REDIRECT,
        scopes: ['instagram_basic', 'pages_show_list'],
        state: 'abc',
        codeChallenge: 'xyz',
      }),
    );

    expect(url.origin + url.pathname).toBe('https://www.facebook.com/v25.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: FB_APP_ID,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'instagram_basic,pages_show_list',
      state: 'abc',
      code_challenge: 'xyz',
      code_challenge_method: 'S256',
    });
  });
});

describe("checking Facebook's redirect", () => {
  const OWN = { redirectUri: REDIRECT, state: 's1' };

  it.each([
    ['code first', `${REDIRECT}?code=AQDx-1_2&state=s1#_=_`],
    ['state first', `${REDIRECT}?state=s1&code=AQDx-1_2#_=_`],
  ])('should return the clean code of a redirect ending in #_=_ (%s)', (_name, url) => {
    expect(checkRedirect(url, OWN)).toBe('AQDx-1_2');
  });

  it("should read Facebook's Cancel as a declined login", () => {
    const url = `${REDIRECT}?error_reason=user_denied&error=access_denied&error_description=Permissions+error.&state=s1#_=_`;

    expect(() => checkRedirect(url, OWN)).toThrow(
      expect.objectContaining({ code: 'auth_declined' }),
    );
  });

  it('should still check the state of a Facebook redirect first', () => {
    expect(() => checkRedirect(`${REDIRECT}?code=AQDx&state=s2#_=_`, OWN)).toThrow(
      expect.objectContaining({ code: 'state_invalid' }),
    );
  });
});

describe('connecting with Facebook Login', () => {
  it('should open the versioned dialog, exchange as facebook, and store one card per linked Page', async () => {
    const calls = stubFacebook();
    const login = allow();

    const progress = await connect(login);

    const authorize = new URL(login.urls[0] ?? '');
    expect(authorize.origin + authorize.pathname).toBe(
      'http://127.0.0.1:8788/facebook/v25.0/dialog/oauth',
    );
    expect(authorize.searchParams.get('client_id')).toBe(FB_APP_ID);
    expect(authorize.searchParams.get('scope')).toBe('instagram_basic,pages_show_list');
    expect(authorize.searchParams.has('force_reauth')).toBe(false);

    const [exchange, pages] = calls;
    const sent = z
      .looseObject({ code_verifier: z.string() })
      .parse(JSON.parse(exchange?.body ?? ''));
    expect(sent).toEqual({
      code: 'AQDfbCode-1_2',
      redirect_uri: REDIRECT,
      client_id: FB_APP_ID,
      code_verifier: expect.stringMatching(/^[\w-]{43,128}$/),
      flavor: 'facebook',
    });
    expect(await pkceChallenge(sent.code_verifier)).toBe(
      authorize.searchParams.get('code_challenge'),
    );
    expect(pages?.url.pathname).toBe('/facebook/v25.0/me/accounts');
    expect(pages?.headers.get('authorization')).toBe(`Bearer ${USER_TOKEN}`);

    expect(progress).toMatchObject({
      phase: 'done',
      profileId: 'facebook',
      username: 'sandbox.business',
      replaced: false,
      shortLived: false,
      detail:
        '@sandbox.business via Sandbox Business Page. Sandbox Side Page: no Instagram account linked.',
    });
    const accounts = await listAccounts();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      id: BUSINESS_ID,
      tokenKind: 'facebook_login',
      profileId: 'facebook',
      scopes: ['instagram_basic', 'pages_show_list'],
      issuedAt: NOW,
      expiresAt: NOW + 5_184_000_000,
      dataAccessExpiresAt: NOW + 90 * 86_400_000,
      longLived: true,
      page: { id: '104000000000001', name: 'Sandbox Business Page' },
    });
    await expect(readAccountToken(BUSINESS_ID)).resolves.toBe(USER_TOKEN);
    await expect(readAccountToken(BUSINESS_ID, 'pageToken')).resolves.toBe(PAGE_TOKEN);
  });

  it('should fail with instagram_not_linked and store nothing when no Page has an Instagram account', async () => {
    stubFacebook(() => json({ data: [] }));

    const progress = await connect(allow());

    expect(progress).toMatchObject({
      phase: 'failed',
      error: {
        code: 'instagram_not_linked',
        message: 'No Instagram account is linked to a Facebook Page of this user.',
      },
    });
    await expect(listAccounts()).resolves.toEqual([]);
  });
});
