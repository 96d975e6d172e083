import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { fakeToken } from '@/tests/support/fixtures';
import { json, stubFetch, type FakeCall } from '@/tests/support/fake-fetch';
import { listAccounts, readAccountToken } from '@/utils/vault/account-store';
import { connectProgressItem, pendingFlowsItem } from '@/utils/vault/storage-items';
import { abandonInterruptedConnect, startConnect, type ConnectPlatform } from './connect-account';
import { readConnectProgress } from './connect-progress';
import { beginFlow, pkceChallenge } from './pending-flows';
import { createDefaultSettings } from '@/utils/settings/settings';
import { settingsItem } from '@/utils/settings/settings-store';

const REDIRECT = 'https://blocadghaajijcfckkjphjkhmmlcniff.chromiumapp.org/';
const TOKEN = fakeToken('LongLived60');
const ISSUED_AT = '2026-11-28T12:00:00.000Z';

async function configure(overrides: { clientId?: string } = {}) {
  const settings = createDefaultSettings();
  settings.profiles[0] = {
    ...settings.profiles[0]!,
    clientId: overrides.clientId ?? '990001234567890',
    proxyUrl: 'http://127.0.0.1:8787',
    authorizeUrl: 'http://127.0.0.1:8788/oauth/authorize',
    graphUrl: 'http://127.0.0.1:8788',
  };
  await settingsItem.write(settings);
}

/** A platform whose Instagram window answers with `answer(state)`, as the user's click would. */
function platform(
  answer: (state: string) => string | undefined | Promise<string>,
): ConnectPlatform & { urls: string[] } {
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

const allow = platform((state) => `${REDIRECT}?code=AQBcode123&state=${state}#_`);

const EXCHANGED = {
  access_token: TOKEN,
  token_type: 'bearer',
  expires_in: 5_184_000,
  user_id: '9130000000000001',
  permissions: ['instagram_business_basic'],
  issued_at: ISSUED_AT,
  long_lived: true,
};
const ME = {
  id: '9130000000000001',
  user_id: '27640875392278831',
  username: 'sandbox.creator',
  account_type: 'MEDIA_CREATOR',
  profile_picture_url: 'http://127.0.0.1:8788/avatars/sandbox.creator.svg',
};

function stubInstagram(
  overrides: { exchange?: Record<string, unknown>; me?: Record<string, unknown> } = {},
): FakeCall[] {
  return stubFetch({
    '/v1/exchange': () => json({ ...EXCHANGED, ...overrides.exchange }),
    '/me': () => json(overrides.me ?? ME),
  });
}

async function connect(with_: ConnectPlatform) {
  const { finished } = await startConnect(undefined, with_);
  await finished;
  return readConnectProgress();
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(ISSUED_AT));
  await configure();
});

describe('connecting an account', () => {
  it('should exchange the code, read the profile and store the account with its token', async () => {
    const calls = stubInstagram();

    const progress = await connect(allow);

    expect(progress).toMatchObject({ phase: 'done', username: 'sandbox.creator', replaced: false });
    const [account] = await listAccounts();
    expect(account).toMatchObject({
      id: '27640875392278831',
      appScopedId: '9130000000000001',
      username: 'sandbox.creator',
      accountType: 'MEDIA_CREATOR',
      scopes: ['instagram_business_basic'],
      tokenKind: 'instagram_login',
      issuedAt: Date.parse(ISSUED_AT),
      expiresAt: Date.parse(ISSUED_AT) + 5_184_000_000,
      events: [expect.objectContaining({ type: 'connected', ok: true })],
    });
    await expect(readAccountToken('27640875392278831')).resolves.toBe(TOKEN);
    const [exchange, me] = calls;
    const authorize = new URL(allow.urls.at(-1) ?? '');
    const sent = z
      .looseObject({ code_verifier: z.string() })
      .parse(JSON.parse(exchange?.body ?? ''));
    expect(sent).toEqual({
      code: 'AQBcode123',
      redirect_uri: REDIRECT,
      client_id: '990001234567890',
      code_verifier: expect.stringMatching(/^[\w-]{43,128}$/),
      flavor: 'instagram',
    });
    // The verifier sent to the proxy is the one whose S256 challenge went to Instagram.
    expect(await pkceChallenge(sent.code_verifier)).toBe(
      authorize.searchParams.get('code_challenge'),
    );
    expect(me?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(me?.url.search).not.toContain(TOKEN);
  });

  it('should ask Instagram for a code with the configured client, scopes and redirect URI', async () => {
    stubInstagram();

    await connect(allow);

    const url = new URL(allow.urls.at(-1) ?? '');
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:8788/oauth/authorize');
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(url.searchParams.get('scope')).toBe('instagram_business_basic');
    expect(url.searchParams.get('force_reauth')).toBe('true');
  });

  it('should key the account by /me user_id, not by the app-scoped id of the exchange', async () => {
    stubInstagram();

    await connect(allow);

    expect((await listAccounts()).map((account) => account.id)).toEqual(['27640875392278831']);
  });

  it.each([
    ['without user_id', { ...ME, user_id: undefined }, 'account_id_missing'],
    ['with a user_id that is not a number', { ...ME, user_id: 'abc' }, 'account_id_invalid'],
    ['with an id that is not a number', { ...ME, id: 'x1' }, 'account_id_invalid'],
  ])(
    'should fail with a clear error when /me answers %s, and store nothing',
    async (_n, me, code) => {
      stubInstagram({ me });

      const progress = await connect(allow);

      expect(progress).toMatchObject({ phase: 'failed', error: { code } });
      expect(await listAccounts()).toEqual([]);
    },
  );

  it('should store the one-hour token of a refused long-lived exchange, and say why', async () => {
    stubInstagram({
      exchange: {
        expires_in: 3600,
        long_lived: false,
        upstream_error: {
          type: 'IGApiException',
          code: 100,
          message: 'Unsupported request - method type: get',
        },
      },
    });

    const progress = await connect(allow);

    expect(progress).toMatchObject({ phase: 'done', shortLived: true });
    const [account] = await listAccounts();
    expect(account).toMatchObject({
      longLived: false,
      expiresAt: Date.parse(ISSUED_AT) + 3_600_000,
      events: [
        expect.objectContaining({
          ok: false,
          message: expect.stringContaining('Unsupported request - method type: get'),
        }),
      ],
    });
    await expect(readAccountToken('27640875392278831')).resolves.toBe(TOKEN);
  });

  it('should replace the token of an account connected again, not add a second one', async () => {
    stubInstagram();
    await connect(allow);
    vi.setSystemTime(Date.parse(ISSUED_AT) + 3_600_000);

    const progress = await connect(allow);

    const accounts = await listAccounts();
    expect(progress).toMatchObject({ phase: 'done', replaced: true });
    expect(accounts).toHaveLength(1);
    expect(accounts[0]?.connectedAt).toBe(Date.parse(ISSUED_AT));
    expect(accounts[0]?.events.map((event) => event.type)).toEqual(['reconnected', 'connected']);
  });

  it.each([
    [
      'a denial',
      platform(
        (state) => `${REDIRECT}?error=access_denied&error_reason=user_denied&state=${state}`,
      ),
      'auth_declined',
      'You declined access on Instagram.',
    ],
    [
      'a closed window',
      platform(() => Promise.reject(new Error('The user did not approve access.'))),
      'auth_cancelled',
      'The Instagram window closed before the login finished.',
    ],
    [
      'a tampered state',
      platform(() => `${REDIRECT}?code=c&state=forged`),
      'state_invalid',
      undefined,
    ],
    ['a missing state', platform(() => `${REDIRECT}?code=c`), 'state_invalid', undefined],
    [
      'a redirect to another path',
      platform((state) => `${REDIRECT}elsewhere?code=c&state=${state}`),
      'redirect_mismatch',
      undefined,
    ],
  ])('should stop after %s without calling the proxy', async (_name, with_, code, message) => {
    const calls = stubInstagram();

    const progress = await connect(with_);

    expect(progress).toMatchObject({ phase: 'failed', error: { code } });
    if (message) expect(progress?.error?.message).toBe(message);
    expect(calls).toEqual([]);
    expect(await listAccounts()).toEqual([]);
  });

  it('should refuse a replayed redirect: one exchange for two identical answers', async () => {
    const calls = stubInstagram();
    let first = '';
    await connect(
      platform((state) => {
        first = `${REDIRECT}?code=AQBcode123&state=${state}#_`;
        return first;
      }),
    );

    const progress = await connect(platform(() => first));

    expect(progress).toMatchObject({ phase: 'failed', error: { code: 'state_invalid' } });
    expect(calls.filter((call) => call.url.pathname === '/v1/exchange')).toHaveLength(1);
  });

  it.each([
    ['a denial', (state: string) => `${REDIRECT}?error=access_denied&state=${state}`],
    ['a redirect without a code', (state: string) => `${REDIRECT}?state=${state}`],
    ['a redirect to another path', (state: string) => `${REDIRECT}x?code=c&state=${state}`],
    ['a closed window', () => undefined],
  ])('should consume its own state after %s, leaving no pending state', async (_n, answer) => {
    stubInstagram();

    await connect(platform(answer));

    expect(await browser.storage.session.get('pendingFlows')).toEqual({ pendingFlows: {} });
  });

  it("should refuse a redirect that carries another pending login's state", async () => {
    const calls = stubInstagram();
    const other = await beginFlow('default', REDIRECT);

    const progress = await connect(platform(() => `${REDIRECT}?code=c&state=${other.state}`));

    expect(progress).toMatchObject({ phase: 'failed', error: { code: 'state_invalid' } });
    expect(calls).toEqual([]);
  });

  it('should report an unreachable proxy and store nothing', async () => {
    stubFetch({});

    const progress = await connect(allow);

    expect(progress).toMatchObject({ phase: 'failed', error: { code: 'proxy_unreachable' } });
    expect(await listAccounts()).toEqual([]);
  });

  it('should refuse to start without a client ID', async () => {
    await configure({ clientId: '' });

    await expect(startConnect(undefined, allow)).rejects.toMatchObject({
      code: 'setup_incomplete',
    });
  });

  it('should refuse a second flow while one is running', async () => {
    stubInstagram();
    let release: (url: string) => void = () => undefined;
    const slow = platform(() => new Promise<string>((resolve) => (release = resolve)));
    const { finished } = await startConnect(undefined, slow);

    await expect(startConnect(undefined, allow)).rejects.toMatchObject({
      code: 'connect_in_progress',
    });
    await vi.waitFor(() => expect(slow.urls).toHaveLength(1));
    release(`${REDIRECT}?error=access_denied`);
    await finished;
  });

  it('should mark a flow left half-way by a stopped worker as failed', async () => {
    await connectProgressItem.write({
      phase: 'exchanging',
      profileId: 'default',
      updatedAt: Date.now(),
    });

    await abandonInterruptedConnect(Date.now());

    expect(await readConnectProgress()).toMatchObject({
      phase: 'failed',
      error: { code: 'auth_failed' },
    });
  });

  it('should drop the state and verifier of a login begun by a stopped worker, and keep one begun since', async () => {
    await connectProgressItem.write({
      phase: 'authorizing',
      profileId: 'default',
      updatedAt: Date.now(),
    });
    const orphan = await beginFlow('default', REDIRECT);
    vi.setSystemTime(Date.now() + 5_000);
    const startedAt = Date.now();
    const current = await beginFlow('default', REDIRECT);

    await abandonInterruptedConnect(startedAt);

    const stored = await pendingFlowsItem.read();
    expect(Object.keys(stored.success ? stored.data : {})).toEqual([current.state]);
    expect(JSON.stringify(stored)).not.toContain(orphan.codeVerifier);
    expect(await readConnectProgress()).toMatchObject({ phase: 'failed' });
  });
});
