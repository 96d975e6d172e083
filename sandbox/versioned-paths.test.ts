import { describe, expect, it } from 'vitest';
import {
  GraphErrorEnvelopeSchema,
  LongLivedTokenResponseSchema,
} from '../shared/instagram-responses';
import { SANDBOX_CLIENT_SECRET } from './defaults';
import { useSandbox } from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
const CREATOR = '27640875392278831';
const DAY = 86_400;

async function graphError(response: Response) {
  return GraphErrorEnvelopeSchema.parse(await response.json()).error;
}

describe.each(['/v25.0', '/v21.0'])('versioned token paths under %s', (version) => {
  it('should exchange a short-lived token at access_token', async () => {
    const short = await sandbox.control.issueToken({ userId: CREATOR, kind: 'short' });

    const response = await fetch(
      sandbox.at(`${version}/access_token`, {
        grant_type: 'ig_exchange_token',
        client_secret: SANDBOX_CLIENT_SECRET,
        access_token: short.access_token,
      }),
    );

    expect(response.status).toBe(200);
    expect(LongLivedTokenResponseSchema.parse(await response.json())).toMatchObject({
      token_type: 'bearer',
      expires_in: 60 * DAY,
    });
  });

  it('should refuse a wrong secret at access_token as the unversioned path does', async () => {
    const short = await sandbox.control.issueToken({ userId: CREATOR, kind: 'short' });

    const response = await fetch(
      sandbox.at(`${version}/access_token`, {
        grant_type: 'ig_exchange_token',
        client_secret: 'wrong',
        access_token: short.access_token,
      }),
    );

    expect(await graphError(response)).toMatchObject({ code: 1 });
  });

  it('should refresh a day-old token at refresh_access_token, and refuse a young one', async () => {
    const old = await sandbox.control.issueToken({ userId: CREATOR, ageSeconds: DAY });
    const young = await sandbox.control.issueToken({ userId: CREATOR });
    const refresh = (token: string) =>
      fetch(
        sandbox.at(`${version}/refresh_access_token`, {
          grant_type: 'ig_refresh_token',
          access_token: token,
        }),
      );

    const renewed = await refresh(old.access_token);
    const early = await refresh(young.access_token);

    expect(renewed.status).toBe(200);
    expect(LongLivedTokenResponseSchema.parse(await renewed.json()).access_token).not.toBe(
      old.access_token,
    );
    expect(await graphError(early)).toMatchObject({ code: 100 });
    expect(await sandbox.control.calls()).toMatchObject({
      refresh_access_token: 2,
      refreshTooEarly: 1,
    });
  });

  it('should refuse POST at refresh_access_token with "method type: post"', async () => {
    const response = await fetch(sandbox.at(`${version}/refresh_access_token`), {
      method: 'POST',
    });

    expect(await graphError(response)).toMatchObject({
      message: 'Unsupported request - method type: post',
      type: 'IGApiException',
      code: 100,
    });
  });

  it('should share counters and armed faults with the unversioned paths', async () => {
    await sandbox.control.failNext('access_token', 'server_error');

    const failed = await fetch(sandbox.at(`${version}/access_token`));
    const next = await fetch(sandbox.at('/access_token'));

    expect(failed.status).toBe(500);
    expect(next.status).toBe(400);
    expect((await sandbox.control.calls()).access_token).toBe(2);
  });
});

describe('paths that are not a Graph version', () => {
  it.each(['/v25/access_token', '/latest/refresh_access_token', '/v25.1/me'])(
    'should not answer %s',
    async (path) => {
      expect((await fetch(sandbox.at(path))).status).toBe(404);
    },
  );
});
