import { describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT_SECRET } from './defaults';
import { useSandbox } from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
const CREATOR = '27640875392278831';

/** Every Graph call a Basic Display token could be given to, by query or by header. */
const CALLS: readonly [string, (token: string) => Promise<Response>][] = [
  ['/me', (token) => fetch(sandbox.at('/me', { fields: 'user_id', access_token: token }))],
  [
    '/v25.0/me (Bearer)',
    (token) =>
      fetch(sandbox.at('/v25.0/me', { fields: 'user_id' }), {
        headers: { Authorization: `Bearer ${token}` },
      }),
  ],
  [
    '/refresh_access_token',
    (token) =>
      fetch(
        sandbox.at('/refresh_access_token', {
          grant_type: 'ig_refresh_token',
          access_token: token,
        }),
      ),
  ],
  [
    '/access_token',
    (token) =>
      fetch(
        sandbox.at('/access_token', {
          grant_type: 'ig_exchange_token',
          client_secret: SANDBOX_CLIENT_SECRET,
          access_token: token,
        }),
      ),
  ],
];

async function expectUnsupportedGet(response: Response) {
  expect(response.status).toBe(400);
  expect(response.headers.get('WWW-Authenticate')).toBeNull();
  expect(await response.json()).toEqual({
    error: {
      message: 'Unsupported request - method type: get',
      type: 'IGApiException',
      code: 100,
      fbtrace_id: expect.stringMatching(/^[A-Za-z0-9_-]{23}$/),
    },
  });
}

describe('Basic Display tokens', () => {
  it('should mint an IGQVJ… token through the control API', async () => {
    const minted = await sandbox.control.issueToken({ userId: CREATOR, kind: 'basic_display' });

    expect(minted.access_token).toMatch(/^IGQVJ[A-Za-z0-9]{170}$/);
    expect(minted.expires_in).toBe(5_184_000);
    expect((await sandbox.control.state()).liveTokens).toEqual({});
  });

  describe.each(CALLS)('on %s', (_name, call) => {
    it('should answer a minted token with IGApiException 100 "Unsupported request"', async () => {
      const { access_token } = await sandbox.control.issueToken({
        userId: CREATOR,
        kind: 'basic_display',
      });

      await expectUnsupportedGet(await call(access_token));
    });

    it.each(['IGQVJYeUFakeBasicDisplayToken', 'IGQWRPcFakeBasicDisplayToken'])(
      'should answer %s the same way, with HTTP 400 even when bad tokens get 401',
      async (token) => {
        await sandbox.control.configure({ invalidTokenStatus: 401 });

        await expectUnsupportedGet(await call(token));
      },
    );
  });
});
