import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FACEBOOK_APP_ID,
  fakeFacebookToken,
  makeAccount,
  makeFacebookProfile,
} from '@/tests/support/fixtures';
import { json, stubFetch, type FakeCall, type FakeRoute } from '@/tests/support/fake-fetch';
import { createDefaultSettings } from '@/utils/settings/settings';
import { settingsItem } from '@/utils/settings/settings-store';
import { findAccount, readAccountToken, saveAccount } from '@/utils/vault/account-store';
import { accountStatus } from './account-status';
import { checkNow, refreshNow, runDueUpkeep } from './account-upkeep';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-28T12:00:00Z');
const NOW_S = NOW / 1000;
const ID = '17841405793187218';
const FB_APP_ID = FACEBOOK_APP_ID;
const USER_TOKEN = fakeFacebookToken('User1');
const PAGE_TOKEN = fakeFacebookToken('Page1');
const ME_PATH = '/facebook/v25.0/me';

const FACEBOOK_PROFILE = makeFacebookProfile();

/** `debug_token` of the live user token: 30 more days, data access for 40. */
const LIVE = {
  app_id: FB_APP_ID,
  type: 'USER',
  application: 'Token Tool Sandbox',
  data_access_expires_at: NOW_S + 40 * 86_400,
  expires_at: NOW_S + 30 * 86_400,
  is_valid: true,
  issued_at: NOW_S - 30 * 86_400,
  scopes: ['instagram_basic', 'pages_show_list'],
  user_id: '10158000000000001',
};

/** `debug_token` of a dead token, with Facebook's error inside. */
function dead(subcode: number) {
  return {
    ...LIVE,
    is_valid: false,
    error: { code: 190, subcode, message: 'Error validating access token.' },
  };
}

const unreachable: FakeRoute = () => Promise.reject(new TypeError('Failed to fetch'));

/** A Facebook Login account, connected `ageMs` ago with a 60-day token. */
async function storeAccount(ageMs: number, overrides: Parameters<typeof makeAccount>[0] = {}) {
  const account = makeAccount({
    id: ID,
    username: 'sandbox.business',
    accountType: undefined,
    profileId: 'facebook',
    scopes: ['instagram_basic', 'pages_show_list'],
    tokenKind: 'facebook_login',
    issuedAt: NOW - ageMs,
    expiresAt: NOW - ageMs + 60 * DAY,
    dataAccessExpiresAt: NOW - ageMs + 90 * DAY,
    lastCheckedAt: NOW - ageMs,
    page: { id: '104000000000001', name: 'Sandbox Business Page' },
    ...overrides,
  });
  await saveAccount(ID, () => account, USER_TOKEN, PAGE_TOKEN);
}

async function statusNow() {
  return accountStatus(await findAccount(ID), {
    now: Date.now(),
    locked: false,
    warningWindowMs: 10 * DAY,
  });
}

function paths(calls: FakeCall[]) {
  return calls.map((call) => `${call.method} ${call.url.pathname}`);
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  const settings = createDefaultSettings();
  settings.profiles.push(FACEBOOK_PROFILE);
  await settingsItem.write(settings);
});

describe('refreshing a Facebook Login token', () => {
  it('should make no call on "Refresh now" and say the token cannot be refreshed', async () => {
    await storeAccount(55 * DAY);
    const calls = stubFetch({});

    const report = await refreshNow(ID);

    expect(report).toEqual({
      refreshed: false,
      checked: false,
      decision: { refresh: false, reason: 'not_refreshable' },
    });
    expect(calls).toEqual([]);
    await expect(readAccountToken(ID)).resolves.toBe(USER_TOKEN);
  });

  it('should never refresh on the alarm, even days before expiry, only check', async () => {
    await storeAccount(55 * DAY);
    const calls = stubFetch({ '/v1/debug': () => json(LIVE) });

    const report = await runDueUpkeep(ID);

    expect(report).toMatchObject({
      refreshed: false,
      checked: true,
      decision: { reason: 'not_refreshable' },
    });
    expect(paths(calls)).toEqual(['POST /v1/debug']);
  });
});

describe('checking a Facebook Login token', () => {
  it('should ask debug_token through the proxy and store the dates it gives', async () => {
    await storeAccount(30 * DAY);
    const calls = stubFetch({ '/v1/debug': () => json(LIVE) });

    const report = await checkNow(ID);

    expect(report).toEqual({ refreshed: false, checked: true });
    expect(paths(calls)).toEqual(['POST /v1/debug']);
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({
      access_token: USER_TOKEN,
      client_id: FB_APP_ID,
    });
    expect(await findAccount(ID)).toMatchObject({
      health: 'ok',
      retry: null,
      lastCheckedAt: NOW,
      expiresAt: (NOW_S + 30 * 86_400) * 1000,
      dataAccessExpiresAt: (NOW_S + 40 * 86_400) * 1000,
      events: [],
    });
    // The user token and the Page token stay as they were.
    await expect(readAccountToken(ID)).resolves.toBe(USER_TOKEN);
    await expect(readAccountToken(ID, 'pageToken')).resolves.toBe(PAGE_TOKEN);
  });

  it('should store "never" for a token debug_token says does not expire', async () => {
    await storeAccount(DAY);
    stubFetch({ '/v1/debug': () => json({ ...LIVE, expires_at: 0 }) });

    await checkNow(ID);

    expect(await findAccount(ID)).toMatchObject({
      expiresAt: null,
      dataAccessExpiresAt: (NOW_S + 40 * 86_400) * 1000,
    });
  });

  it.each([
    [460, 'revoked', 'token_revoked'],
    [458, 'revoked', 'token_revoked'],
    [463, 'expired', 'token_expired'],
  ] as const)(
    'should mark the account as debug_token says: 190/%i is %s',
    async (subcode, status, code) => {
      await storeAccount(DAY);
      const calls = stubFetch({ '/v1/debug': () => json(dead(subcode)) });

      await checkNow(ID);

      expect(paths(calls)).toEqual(['POST /v1/debug']);
      expect(await statusNow()).toBe(status);
      const account = await findAccount(ID);
      expect(account).toMatchObject({ health: status, retry: null, lastCheckedAt: NOW });
      expect(account.events[0]).toMatchObject({ type: 'check_failed', ok: false, code });
      // A dead token is kept: the user decides when to reconnect or remove it.
      await expect(readAccountToken(ID)).resolves.toBe(USER_TOKEN);
    },
  );

  it('should fall back to Graph /me while the proxy is unreachable, and stay valid', async () => {
    await storeAccount(DAY);
    const calls = stubFetch({
      '/v1/debug': unreachable,
      [ME_PATH]: () => json({ id: '10158000000000001', name: 'Sandbox Page Owner' }),
    });

    await checkNow(ID);

    expect(paths(calls)).toEqual(['POST /v1/debug', `GET ${ME_PATH}`]);
    const me = calls[1];
    expect(me?.url.origin).toBe('http://127.0.0.1:8788');
    expect(me?.headers.get('authorization')).toBe(`Bearer ${USER_TOKEN}`);
    expect(me?.url.search).not.toContain(USER_TOKEN);
    expect(await findAccount(ID)).toMatchObject({
      health: 'ok',
      lastCheckedAt: NOW,
      // /me knows nothing of the dates: they stay as stored.
      expiresAt: NOW - DAY + 60 * DAY,
      dataAccessExpiresAt: NOW - DAY + 90 * DAY,
    });
    expect(await statusNow()).toBe('valid');
  });

  it('should take the verdict of Graph /me when the proxy is unreachable and the token is revoked', async () => {
    await storeAccount(DAY);
    stubFetch({
      '/v1/debug': unreachable,
      [ME_PATH]: () =>
        json(
          {
            error: {
              message: 'Error validating access token: The session has been invalidated.',
              type: 'OAuthException',
              code: 190,
              error_subcode: 460,
            },
          },
          400,
        ),
    });

    await checkNow(ID);

    expect(await statusNow()).toBe('revoked');
  });

  it('should retry later, never call the token refused, when neither the proxy nor Graph answers', async () => {
    await storeAccount(DAY);
    stubFetch({ '/v1/debug': unreachable, [ME_PATH]: unreachable });

    await checkNow(ID);

    expect(await findAccount(ID)).toMatchObject({
      health: 'network_error',
      retry: { attempt: 1 },
    });
  });

  it.each([
    {
      trouble: 'a 502 from the proxy',
      route: () => new Response('<html>Bad gateway</html>', { status: 502 }),
      health: 'network_error',
      waitMs: 0,
    },
    {
      trouble: 'a proxy error body with status 500',
      route: () => json({ error: { code: 'internal_error', message: 'Something broke.' } }, 500),
      health: 'network_error',
      waitMs: 0,
    },
    {
      trouble: "the proxy's own rate limit",
      route: () =>
        json({ error: { code: 'rate_limited', message: 'Slow down.' } }, 429, {
          'Retry-After': '120',
        }),
      health: 'rate_limited',
      waitMs: 120_000,
    },
    {
      trouble: 'Facebook busy behind the proxy',
      route: () =>
        json({ error: { code: 'upstream_busy', message: 'Facebook is busy.' } }, 503, {
          'Retry-After': '300',
        }),
      health: 'rate_limited',
      waitMs: 300_000,
    },
  ] as const)(
    'should treat $trouble as passing: $health, retried later, never "Refused"',
    async ({ route, health, waitMs }) => {
      await storeAccount(DAY);
      stubFetch({ '/v1/debug': route });

      await checkNow(ID);

      const account = await findAccount(ID);
      expect(account).toMatchObject({ health, retry: { attempt: 1 }, lastCheckedAt: NOW });
      expect(account.retry?.notBefore).toBeGreaterThanOrEqual(NOW + waitMs);
      expect(account.events[0]).toMatchObject({ type: 'check_failed', ok: false });
      expect(await statusNow()).toBe(health);
    },
  );
});
