import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeToken, makeAccount } from '@/tests/support/fixtures';
import { json, stubFetch, type FakeRoute } from '@/tests/support/fake-fetch';
import { MAX_ACCOUNT_EVENTS } from '@/utils/vault/account-record';
import { findAccount, readAccountToken, saveAccount } from '@/utils/vault/account-store';
import { GRAPH_TIMEOUT_MS } from '@/utils/instagram/graph-client';
import { accountStatus } from './account-status';
import { checkNow, refreshNow, runDueUpkeep } from './account-upkeep';
import { retryAt } from './backoff';
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

/** The timeout signals asked for (`AbortSignal.timeout` is replaced), the latest last. */
let graphTimeouts: Array<{ ms: number; controller: AbortController }> = [];

/**
 * A Graph call that never answers: only the signal fetch was given can end it, as in a browser.
 * The 15 seconds pass at once: the route fires the timeout that `AbortSignal.timeout` made. A
 * call without that signal would hang for good, and with it every later call behind the
 * account's lock; so the route answers it instead, as if all were well, and the test fails at once.
 */
const neverAnswers: FakeRoute = (call) => {
  const signal = vi.mocked(fetch).mock.calls.at(-1)?.[1]?.signal;
  const timeout = graphTimeouts.find(({ controller }) => controller.signal === signal);
  if (!signal || !timeout) {
    return call.url.pathname === '/me'
      ? json({ user_id: ID, username: 'sandbox.creator' })
      : refreshed(call);
  }
  return new Promise<Response>((_resolve, reject) => {
    signal.addEventListener('abort', () =>
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted')),
    );
    timeout.controller.abort(new DOMException('signal timed out', 'TimeoutError'));
  });
};

/** A 200 whose body breaks off: the connection drops in the middle of the answer. */
const dropsMidAnswer: FakeRoute = () =>
  new Response(
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"access_token":"IGAA'));
        controller.error(new TypeError('network error'));
      },
    }),
    { status: 200, headers: { 'Content-Type': 'application/json' } },
  );

/** JSON cut short, as a proxy or load balancer in the way might answer. */
const garbageJson: FakeRoute = () =>
  new Response('{"access_token":"IGAA', {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });

/** How long Instagram's 429 asks to wait, in seconds. */
const RETRY_AFTER_SECONDS = 600;

const tooManyRequests: FakeRoute = () =>
  json(graphError(4, '(#4) Application request limit reached'), 429, {
    'Retry-After': String(RETRY_AFTER_SECONDS),
  });

const serverError: FakeRoute = () =>
  json(graphError(2, 'An unexpected error has occurred. Please retry your request later.'), 500);

const connectionRefused: FakeRoute = () => Promise.reject(new TypeError('Failed to fetch'));

/**
 * Every transient fault, with the status it must show and the wait Instagram asked for. None is
 * a verdict on the token: it must be kept, never called revoked, and tried again later.
 */
const TRANSIENT_FAULTS: ReadonlyArray<{
  fault: string;
  route: FakeRoute;
  status: 'network_error' | 'rate_limited';
  retryAfterMs: number;
}> = [
  { fault: 'a 500', route: serverError, status: 'network_error', retryAfterMs: 0 },
  { fault: 'a timeout', route: neverAnswers, status: 'network_error', retryAfterMs: 0 },
  { fault: 'garbage JSON', route: garbageJson, status: 'network_error', retryAfterMs: 0 },
  {
    fault: 'a 429 with Retry-After',
    route: tooManyRequests,
    status: 'rate_limited',
    retryAfterMs: RETRY_AFTER_SECONDS * 1000,
  },
  {
    fault: 'a dropped connection',
    route: connectionRefused,
    status: 'network_error',
    retryAfterMs: 0,
  },
  {
    fault: 'a connection dropped mid-answer',
    route: dropsMidAnswer,
    status: 'network_error',
    retryAfterMs: 0,
  },
];

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  graphTimeouts = [];
  vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
    const controller = new AbortController();
    graphTimeouts.push({ ms, controller });
    return controller.signal;
  });
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

  it.each([
    [1, 1],
    [5, 20],
  ])(
    'should make exactly one upstream call when %i alarms and %i "Refresh now" clicks arrive together',
    async (alarms, clicks) => {
      await storeAccount(51 * DAY);
      const calls = stubFetch({
        // Instagram takes its time, so every trigger is waiting while the first one refreshes.
        '/refresh_access_token': async (call) => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          return refreshed(call);
        },
        '/me': () => json({ user_id: ID, username: 'sandbox.creator' }),
      });

      const reports = await Promise.all([
        ...Array.from({ length: alarms }, () => runDueUpkeep(ID)),
        ...Array.from({ length: clicks }, () => refreshNow(ID)),
      ]);

      expect(calls.filter((call) => call.url.pathname === '/refresh_access_token')).toHaveLength(1);
      expect(reports.map((report) => report.refreshed)).toEqual(
        reports.map((_report, index) => index === 0),
      );
      for (const click of reports.slice(alarms)) {
        expect(click.decision).toMatchObject({ refresh: false, reason: 'too_new' });
      }
      await expect(readAccountToken(ID)).resolves.toBe(NEW_TOKEN);
    },
  );

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

describe('a refresh that meets a transient fault', () => {
  it.each(TRANSIENT_FAULTS)(
    'should keep the token after $fault, say $status, and retry after the backoff',
    async ({ route, status: expected, retryAfterMs }) => {
      await storeAccount(51 * DAY);
      vi.spyOn(Math, 'random').mockReturnValue(0.5);
      const calls = stubFetch({ '/refresh_access_token': route });

      const report = await runDueUpkeep(ID);

      expect(report).toMatchObject({ refreshed: false, checked: false });
      expect(calls.map((call) => call.url.pathname)).toEqual(['/refresh_access_token']);
      expect(graphTimeouts.map(({ ms }) => ms)).toEqual([GRAPH_TIMEOUT_MS]);
      await expect(readAccountToken(ID)).resolves.toBe(OLD_TOKEN);
      expect(await statusNow()).toBe(expected);
      const account = await findAccount(ID);
      expect(account).toMatchObject({
        health: expected,
        refreshFailed: false,
        lastRefreshedAt: null,
        expiresAt: NOW + 9 * DAY,
        retry: { attempt: 1, notBefore: retryAt(0, NOW, retryAfterMs, () => 0.5) },
      });
      expect(account.events[0]).toMatchObject({
        type: 'refresh_failed',
        ok: false,
        code: expected === 'rate_limited' ? 'rate_limited' : expect.any(String),
        hint: expect.any(String),
      });
    },
  );
});

describe('retries after consecutive transient failures', () => {
  const retryAfter = RETRY_AFTER_SECONDS * 1000;
  it.each([
    { task: 'refresh', fault: 'a 500', route: serverError, retryAfterMs: 0 },
    { task: 'refresh', fault: 'a 429', route: tooManyRequests, retryAfterMs: retryAfter },
    { task: 'check', fault: 'a 500', route: serverError, retryAfterMs: 0 },
    { task: 'check', fault: 'a 429', route: tooManyRequests, retryAfterMs: retryAfter },
  ] as const)(
    'should wait longer after each $task that gets $fault, never less than Retry-After asks',
    async ({ task, route, retryAfterMs }) => {
      if (task === 'refresh') await storeAccount(51 * DAY);
      else await storeAccount(2 * DAY, { lastCheckedAt: NOW - 7 * HOUR });
      vi.spyOn(Math, 'random').mockReturnValue(0.75);
      const calls = stubFetch({ '/refresh_access_token': route, '/me': route });
      const path = task === 'refresh' ? '/refresh_access_token' : '/me';

      const waits: number[] = [];
      for (let attempt = 0; attempt < 8; attempt += 1) {
        const triedAt = Date.now();
        await runDueUpkeep(ID);
        const { retry } = await findAccount(ID);
        expect(retry).toEqual({
          attempt: attempt + 1,
          notBefore: retryAt(attempt, triedAt, retryAfterMs, () => 0.75),
        });
        waits.push((retry?.notBefore ?? 0) - triedAt);
        // An alarm before the retry time does nothing; the one at that time tries again.
        vi.setSystemTime((retry?.notBefore ?? 0) - 1);
        expect(await runDueUpkeep(ID)).toMatchObject({ refreshed: false, checked: false });
        vi.setSystemTime(retry?.notBefore ?? 0);
      }

      expect(calls.every((call) => call.url.pathname === path)).toBe(true);
      expect(calls).toHaveLength(8);
      expect(waits.every((wait) => wait >= retryAfterMs)).toBe(true);
      // Growing until the server's wait or the 6-hour cap takes over, never shrinking.
      expect(waits).toEqual([...waits].sort((a, b) => a - b));
      expect(waits.at(-1)).toBeGreaterThan(waits[0] ?? 0);
      await expect(readAccountToken(ID)).resolves.toBe(OLD_TOKEN);
      expect(['network_error', 'rate_limited']).toContain(await statusNow());
    },
  );
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
    ['a timeout', neverAnswers, 'network_error'],
    ['garbage JSON', garbageJson, 'network_error'],
    ['a connection dropped mid-answer', dropsMidAnswer, 'network_error'],
    ['a 429 with Retry-After', tooManyRequests, 'rate_limited'],
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
