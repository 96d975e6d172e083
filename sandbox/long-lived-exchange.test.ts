import { describe, expect, it } from 'vitest';
import {
  GraphErrorEnvelopeSchema,
  LongLivedTokenResponseSchema,
} from '../shared/instagram-responses';
import { SANDBOX_CLIENT_SECRET } from './defaults';
import { useSandbox } from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
const USER_ID = '27640875392278831';

function exchange(accessToken: string, overrides: Record<string, string> = {}) {
  return fetch(
    sandbox.at('/access_token', {
      grant_type: 'ig_exchange_token',
      client_secret: SANDBOX_CLIENT_SECRET,
      access_token: accessToken,
      ...overrides,
    }),
  );
}

async function graphError(response: Response) {
  return GraphErrorEnvelopeSchema.parse(await response.json()).error;
}

describe('GET /access_token (ig_exchange_token)', () => {
  it('should turn a short-lived token into a new 60-day token', async () => {
    const short = await sandbox.control.issueToken({ userId: USER_ID, kind: 'short' });

    const response = await exchange(short.access_token);
    const actual: unknown = await response.json();

    expect(response.status).toBe(200);
    expect(actual).toEqual({
      access_token: expect.stringMatching(/^IGAA[A-Za-z0-9]{178}ZD$/),
      token_type: 'bearer',
      expires_in: 5184000,
    });
    expect(actual).not.toMatchObject({ access_token: short.access_token });
    expect(response.headers.get('X-App-Usage')).toBe('{"call_volume":3,"cpu_time":3}');
  });

  it('should omit token_type when configured to', async () => {
    await sandbox.control.configure({ omitTokenType: true });
    const short = await sandbox.control.issueToken({ userId: USER_ID, kind: 'short' });

    const actual: unknown = await (await exchange(short.access_token)).json();

    expect(actual).toEqual({ access_token: expect.any(String), expires_in: 5184000 });
  });

  it('should give a long-lived token that works on /me', async () => {
    const short = await sandbox.control.issueToken({ userId: USER_ID, kind: 'short' });
    const long = LongLivedTokenResponseSchema.parse(
      await (await exchange(short.access_token)).json(),
    );

    const me = await fetch(sandbox.at('/me', { fields: 'username' }), {
      headers: { Authorization: `Bearer ${long.access_token}` },
    });

    expect(await me.json()).toEqual({ username: 'sandbox.creator' });
  });

  it('should refuse a wrong client_secret', async () => {
    const short = await sandbox.control.issueToken({ userId: USER_ID, kind: 'short' });

    const response = await exchange(short.access_token, { client_secret: 'wrong' });

    expect(response.status).toBe(400);
    expect(await graphError(response)).toMatchObject({
      message: 'Error validating client secret.',
      type: 'OAuthException',
      code: 1,
    });
  });

  it('should refuse an expired short-lived token with 190/463', async () => {
    const short = await sandbox.control.issueToken({ userId: USER_ID, kind: 'short' });
    await sandbox.control.advanceClock(3600);

    const response = await exchange(short.access_token);

    expect(response.status).toBe(400);
    expect(await graphError(response)).toMatchObject({
      type: 'OAuthException',
      code: 190,
      error_subcode: 463,
      message: expect.stringMatching(/^Error validating access token: Session has expired on /),
    });
  });

  it('should refuse an unknown token with 190 and no subcode', async () => {
    const response = await exchange('IGAAnot-a-real-token');
    const actual = await graphError(response);

    expect(response.status).toBe(400);
    expect(actual).toMatchObject({
      message: 'Invalid OAuth access token - Cannot parse access token',
      code: 190,
    });
    expect(actual.error_subcode).toBeUndefined();
    expect(actual.fbtrace_id).toMatch(/^[A-Za-z0-9_-]{23}$/);
  });

  it('should refuse a long-lived token', async () => {
    const long = await sandbox.control.issueToken({ userId: USER_ID });

    const response = await exchange(long.access_token);

    expect(response.status).toBe(400);
    expect(await graphError(response)).toMatchObject({ code: 100 });
  });

  it('should refuse another grant_type with code 100', async () => {
    const short = await sandbox.control.issueToken({ userId: USER_ID, kind: 'short' });

    const response = await exchange(short.access_token, { grant_type: 'ig_refresh_token' });

    expect(response.status).toBe(400);
    expect(await graphError(response)).toMatchObject({ code: 100 });
  });

  it.each(['grant_type', 'client_secret', 'access_token'])(
    'should name a missing %s',
    async (name) => {
      const params: Record<string, string> = {
        grant_type: 'ig_exchange_token',
        client_secret: SANDBOX_CLIENT_SECRET,
        access_token: 'IGAAx',
      };
      delete params[name];

      const response = await fetch(sandbox.at('/access_token', params));

      expect(response.status).toBe(400);
      expect(await graphError(response)).toMatchObject({
        code: 100,
        message: `The parameter ${name} is required`,
      });
    },
  );

  it('should fail the next exchanges with the flaky "Unsupported request" and keep the token usable', async () => {
    const short = await sandbox.control.issueToken({ userId: USER_ID, kind: 'short' });
    const armed = await sandbox.control.failNext('access_token', 'unsupported_get', 2);

    const failures = [await exchange(short.access_token), await exchange(short.access_token)];
    const success = await exchange(short.access_token);

    expect(armed.fault).toMatchObject({ mode: 'unsupported_get', remaining: 2 });
    for (const failure of failures) {
      expect(failure.status).toBe(400);
      expect(failure.headers.get('X-App-Usage')).not.toBeNull();
      expect(await failure.json()).toEqual({
        error: {
          message: 'Unsupported request - method type: get',
          type: 'IGApiException',
          code: 100,
          fbtrace_id: expect.stringMatching(/^[A-Za-z0-9_-]{23}$/),
        },
      });
    }
    expect(success.status).toBe(200);
    expect(LongLivedTokenResponseSchema.parse(await success.json()).expires_in).toBe(5184000);
    expect((await sandbox.control.calls()).access_token).toBe(3);
  });
});
