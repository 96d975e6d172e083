import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeToken, makeAccount } from '@/tests/support/fixtures';
import { json, stubFetch, type FakeRoute } from '@/tests/support/fake-fetch';
import { MAX_ACCOUNT_EVENTS } from '@/utils/vault/account-record';
import { findAccount, readAccountToken, saveAccount } from '@/utils/vault/account-store';
import { accountStatus } from './account-status';
import { checkNow, refreshNow, runDueUpkeep } from './account-upkeep';
import { createDefaultSettings } from '@/utils/settings/settings';
import { settingsItem } from '@/utils/settings/settings-store';
import { vaultItem } from '@/utils/vault/storage-items';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-28T12:00:00Z');
const OLD_TOKEN = fakeToken('OldToken1');
const NEW_TOKEN = fakeToken('NewToken2');
const ID = '27640875392278831';

function graphError(code: number, message: string, subcode?: number) {
  return {
    error: {
      message,
      type: 'OAuthException',
      code,
      ...(subcode === undefined ? {} : { error_subcode: subcode }),
      fbtrace_id: 'A_muLgNXB2rhzyBV_3YbJeo',
    },
  };
}

async function storeAccount(ageMs: number, overrides: Parameters<typeof makeAccount>[0] = {}) {
  const account = makeAccount({
    id: ID,
    issuedAt: NOW - ageMs,
    expiresAt: NOW - ageMs + 60 * DAY,
    ...overrides,
  });
  await saveAccount(ID, () => account, OLD_TOKEN);
}

async function statusNow() {
  const account = await findAccount(ID);
  return accountStatus(account, { now: Date.now(), locked: false, warningWindowMs: 10 * DAY });
}

const refreshed: FakeRoute = () =>
  json({ access_token: NEW_TOKEN, token_type: 'bearer', expires_in: 5_184_000 });

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  const settings = createDefaultSettings();
  settings.profiles[0] = { ...settings.profiles[0]!, graphUrl: 'http://127.0.0.1:8788' };
  await settingsItem.write(settings);
});

describe('refresh', () => {
  it('should swap in the new token and a new 60-day expiry in one write', async () => {
    await storeAccount(51 * DAY);
    const calls = stubFetch({ '/refresh_access_token': refreshed });

    const report = await runDueUpkeep(ID);

    const account = await findAccount(ID);
    expect(report).toMatchObject({ refreshed: true });
    expect(account).toMatchObject({
      lastRefreshedAt: NOW,
      expiresAt: NOW + 60 * DAY,
      health: 'ok',
    });
    expect(account.events[0]).toMatchObject({ type: 'refreshed', ok: true });
    await expect(readAccountToken(ID)).resolves.toBe(NEW_TOKEN);
    expect(calls[0]?.url.searchParams.get('grant_type')).toBe('ig_refresh_token');
  });

  it('should make exactly one upstream call when an alarm and "Refresh now" arrive together', async () => {
    await storeAccount(51 * DAY);
    const calls = stubFetch({
      '/refresh_access_token': refreshed,
      '/me': () => json({ user_id: ID, username: 'sandbox.creator' }),
    });

    const [alarm, click] = await Promise.all([runDueUpkeep(ID), refreshNow(ID)]);

    expect(calls.filter((call) => call.url.pathname === '/refresh_access_token')).toHaveLength(1);
    expect([alarm.refreshed, click.refreshed]).toEqual([true, false]);
    expect(click.decision).toMatchObject({ refresh: false, reason: 'too_new' });
  });

  it('should keep the old token when saving the new one fails', async () => {
    await storeAccount(51 * DAY);
    stubFetch({ '/refresh_access_token': refreshed });
    vi.spyOn(vaultItem, 'write').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));

    await expect(runDueUpkeep(ID)).rejects.toThrow('QUOTA_BYTES');

    await expect(readAccountToken(ID)).resolves.toBe(OLD_TOKEN);
    expect((await findAccount(ID)).lastRefreshedAt).toBeNull();
  });

  it('should not call Instagram for a token under 24 hours old, even on "Refresh now"', async () => {
    await storeAccount(23 * HOUR);
    const calls = stubFetch({ '/refresh_access_token': refreshed });

    const report = await refreshNow(ID);

    expect(calls).toEqual([]);
    expect(report.decision).toEqual({ refresh: false, reason: 'too_new', nextAt: NOW + HOUR });
  });

  it('should refresh on demand a token that is old enough but not yet due', async () => {
    await storeAccount(2 * DAY);
    stubFetch({ '/refresh_access_token': refreshed });

    expect(await refreshNow(ID)).toMatchObject({ refreshed: true });
  });

  it('should flag a refresh Instagram refuses, keeping the token', async () => {
    await storeAccount(51 * DAY);
    stubFetch({
      '/refresh_access_token': () =>
        json(graphError(100, 'Unsupported request - method type: get'), 400),
      '/me': () => json({ user_id: ID, username: 'sandbox.creator' }),
    });

    await runDueUpkeep(ID);

    const account = await findAccount(ID);
    expect(account).toMatchObject({ refreshFailed: true, health: 'ok' });
    expect(account.events[0]).toMatchObject({
      type: 'refresh_failed',
      ok: false,
      message: expect.stringContaining('Unsupported request'),
    });
    await expect(readAccountToken(ID)).resolves.toBe(OLD_TOKEN);
  });
});

describe('a forced refresh of an imported token', () => {
  const expired190 = () =>
    json(graphError(190, 'Error validating access token: Session has expired', 463), 400);

  it('should ask /me before calling a refused token dead, and keep a token that still works', async () => {
    await storeAccount(HOUR, { expiresAt: null });
    const calls = stubFetch({
      '/refresh_access_token': expired190,
      '/me': () => json({ user_id: ID, username: 'sandbox.creator' }),
    });

    await refreshNow(ID);

    const account = await findAccount(ID);
    expect(calls.map((call) => call.url.pathname)).toEqual(['/refresh_access_token', '/me']);
    expect(account).toMatchObject({ health: 'ok', refreshFailed: false });
    expect(account.events[0]).toMatchObject({
      type: 'refresh_failed',
      message: expect.stringContaining('still works'),
    });
    expect(await statusNow()).toBe('valid');
  });

  it('should mark it dead when /me refuses it too', async () => {
    await storeAccount(HOUR, { expiresAt: null });
    stubFetch({ '/refresh_access_token': expired190, '/me': expired190 });

    await refreshNow(ID);

    expect(await statusNow()).toBe('expired');
  });
});

describe('validity check classification', () => {
  it.each([
    ['a working token', () => json({ user_id: ID, username: 'sandbox.creator' }), 'valid'],
    [
      'Meta usage above 90%',
      () =>
        json({ user_id: ID, username: 'sandbox.creator' }, 200, {
          'X-App-Usage': '{"call_count":95,"total_time":20,"total_cputime":20}',
        }),
      'rate_limited',
    ],
    [
      '190/463 session expired',
      () =>
        json(
          graphError(
            190,
            'Error validating access token: Session has expired on Thursday, 29-Jul-21 10:00:00 PDT. The current time is Friday, 30-Jul-21 06:41:07 PDT.',
            463,
          ),
          400,
        ),
      'expired',
    ],
    [
      '190/460 password changed',
      () =>
        json(
          graphError(
            190,
            'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
            460,
          ),
          400,
        ),
      'revoked',
    ],
    [
      '190/458 app not installed',
      () =>
        json(
          graphError(
            190,
            'Error validating access token: The user has not authorized application 990001234567890.',
            458,
          ),
          400,
        ),
      'revoked',
    ],
    [
      '190/467 invalid token',
      () =>
        json(
          graphError(
            190,
            'Error validating access token: The session is invalid because the user logged out.',
            467,
          ),
          400,
        ),
      'revoked',
    ],
    [
      '190/459 checkpointed',
      () => json(graphError(190, 'Error validating access token: checkpoint', 459), 400),
      'revoked',
    ],
    [
      '190/464 unconfirmed user',
      () => json(graphError(190, 'Error validating access token: unconfirmed', 464), 400),
      'revoked',
    ],
    [
      '190 cannot parse (400)',
      () => json(graphError(190, 'Invalid OAuth access token - Cannot parse access token'), 400),
      'revoked',
    ],
    [
      '190 cannot parse (401)',
      () => json(graphError(190, 'Invalid OAuth access token - Cannot parse access token'), 401),
      'revoked',
    ],
    [
      '102 session expired',
      () => json(graphError(102, 'Session key invalid or no longer valid'), 400),
      'revoked',
    ],
    [
      '4 app rate limit',
      () => json(graphError(4, '(#4) Application request limit reached'), 400),
      'rate_limited',
    ],
    [
      '17 user rate limit',
      () => json(graphError(17, '(#17) User request limit reached'), 400),
      'rate_limited',
    ],
    [
      '32 page rate limit',
      () => json(graphError(32, '(#32) Page request limit reached'), 400),
      'rate_limited',
    ],
    [
      '613 custom rate limit',
      () => json(graphError(613, '(#613) Calls to this api have exceeded the rate limit.'), 400),
      'rate_limited',
    ],
    [
      '80002 Instagram BUC limit',
      () =>
        json(
          graphError(80002, '(#80002) There have been too many calls to this Instagram account.'),
          400,
          {
            'X-Business-Use-Case-Usage': `{"${ID}":[{"type":"instagram","call_count":100,"total_cputime":25,"total_time":25,"estimated_time_to_regain_access":19}]}`,
          },
        ),
      'rate_limited',
    ],
    [
      'code 2 transient 500',
      () =>
        json(
          graphError(2, 'An unexpected error has occurred. Please retry your request later.'),
          500,
        ),
      'network_error',
    ],
    [
      'code 1 unknown error',
      () => json(graphError(1, 'An unknown error occurred'), 400),
      'network_error',
    ],
    [
      'an HTML error page',
      () => new Response('<html>Bad gateway</html>', { status: 502 }),
      'network_error',
    ],
    ['a garbage 200', () => new Response('<html>oops</html>', { status: 200 }), 'network_error'],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), 'network_error'],
    [
      'IGApiException 100',
      () => json(graphError(100, 'Unsupported request - method type: get'), 400),
      'refused',
    ],
    [
      '10 permission refused',
      () => json(graphError(10, '(#10) Application does not have permission for this action'), 400),
      'refused',
    ],
    [
      'a user_id that is not a number',
      () => json({ user_id: 'abc', username: 'sandbox.creator' }),
      'network_error',
    ],
    [
      'the call_volume form of X-App-Usage above 90%',
      () =>
        json({ user_id: ID, username: 'sandbox.creator' }, 200, {
          'X-App-Usage': '{"call_volume":96,"cpu_time":12}',
        }),
      'rate_limited',
    ],
  ])('should classify %s as %s', async (_name, route, expected) => {
    await storeAccount(2 * DAY);
    stubFetch({ '/me': route });

    await checkNow(ID);

    expect(await statusNow()).toBe(expected);
    const account = await findAccount(ID);
    expect(account.lastCheckedAt).toBe(NOW);
    if (expected !== 'valid')
      expect(account.events[0]).toMatchObject({ ok: false, hint: expect.any(String) });
  });

  it('should never mark a token revoked after transient failures, however many', async () => {
    await storeAccount(2 * DAY);
    stubFetch({ '/me': () => json(graphError(2, 'Please retry later.'), 500) });

    for (let attempt = 0; attempt < 30; attempt += 1) {
      await checkNow(ID);
      vi.setSystemTime(Date.now() + DAY);
    }

    const account = await findAccount(ID);
    expect(account.health).toBe('network_error');
    expect(account.retry?.attempt).toBe(30);
    expect(account.events).toHaveLength(MAX_ACCOUNT_EVENTS);
  });

  it('should postpone the retry after a rate limit by what Instagram asked for', async () => {
    await storeAccount(2 * DAY);
    stubFetch({
      '/me': () =>
        json(graphError(80002, '(#80002) Too many calls.'), 400, {
          'X-Business-Use-Case-Usage': `{"${ID}":[{"type":"instagram","estimated_time_to_regain_access":19}]}`,
        }),
    });

    await checkNow(ID);

    expect((await findAccount(ID)).retry?.notBefore).toBeGreaterThanOrEqual(NOW + 19 * 60_000);
  });

  it('should recover to valid, and say so in the history, once checks succeed again', async () => {
    await storeAccount(2 * DAY);
    stubFetch({ '/me': () => Promise.reject(new TypeError('Failed to fetch')) });
    await checkNow(ID);
    stubFetch({ '/me': () => json({ user_id: ID, username: 'sandbox.creator' }) });

    await checkNow(ID);

    const account = await findAccount(ID);
    expect(account).toMatchObject({ health: 'ok', retry: null });
    expect(account.events.map((event) => [event.type, event.ok])).toEqual([
      ['checked', true],
      ['check_failed', false],
    ]);
  });
});

describe('due upkeep', () => {
  it('should check a token whose last check is older than the interval', async () => {
    await storeAccount(2 * DAY, { lastCheckedAt: NOW - 7 * HOUR });
    const calls = stubFetch({ '/me': () => json({ user_id: ID, username: 'renamed.creator' }) });

    expect(await runDueUpkeep(ID)).toMatchObject({ checked: true, refreshed: false });
    expect(calls[0]?.headers.get('authorization')).toBe(`Bearer ${OLD_TOKEN}`);
    expect((await findAccount(ID)).username).toBe('renamed.creator');
  });

  it('should do nothing before the check interval or a pending retry time', async () => {
    await storeAccount(2 * DAY, { lastCheckedAt: NOW - 5 * HOUR });
    const calls = stubFetch({});

    expect(await runDueUpkeep(ID)).toMatchObject({ checked: false, refreshed: false });
    expect(calls).toEqual([]);
  });

  it('should leave a dead token alone', async () => {
    await storeAccount(2 * DAY, { health: 'revoked', lastCheckedAt: 0 });
    const calls = stubFetch({});

    expect(await runDueUpkeep(ID)).toMatchObject({ checked: false, refreshed: false });
    expect(calls).toEqual([]);
  });
});
