import { describe, expect, it } from 'vitest';
import {
  GraphErrorEnvelopeSchema,
  LongLivedTokenResponseSchema,
} from '../shared/instagram-responses';
import { useSandbox } from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
const USER_ID = '27640875392278831';
const DAY = 86_400;

function refresh(accessToken: string, grantType = 'ig_refresh_token') {
  return fetch(
    sandbox.at('/refresh_access_token', { grant_type: grantType, access_token: accessToken }),
  );
}

function me(accessToken: string) {
  return fetch(sandbox.at('/me', { access_token: accessToken }));
}

async function graphError(response: Response) {
  return GraphErrorEnvelopeSchema.parse(await response.json()).error;
}

/** Facebook's session date, rendered independently of the sandbox at UTC-7 ("PDT"). */
function sessionDate(ms: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Etc/GMT+7',
      weekday: 'long',
      day: '2-digit',
      month: 'short',
      year: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday}, ${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}:${parts.second} PDT`;
}

describe('GET /refresh_access_token', () => {
  it('should refuse a token younger than 24 h by default and count the attempt', async () => {
    const { access_token } = await sandbox.control.issueToken({
      userId: USER_ID,
      ageSeconds: 3600,
    });

    const response = await refresh(access_token);

    expect(response.status).toBe(400);
    expect(await graphError(response)).toMatchObject({
      type: 'OAuthException',
      code: 100,
      message: 'Access token can be refreshed only 24 hours after it was issued or last refreshed',
    });
    expect(await sandbox.control.calls()).toMatchObject({
      refresh_access_token: 1,
      refreshTooEarly: 1,
    });
  });

  it('should echo the same token and its remaining lifetime in echo mode', async () => {
    await sandbox.control.configure({ refreshTooEarly: 'echo' });
    const { access_token } = await sandbox.control.issueToken({
      userId: USER_ID,
      ageSeconds: 3600,
    });

    const response = await refresh(access_token);
    const actual = LongLivedTokenResponseSchema.parse(await response.json());

    expect(actual.access_token).toBe(access_token);
    expect(actual.expires_in).toBeGreaterThan(60 * DAY - 3600 - 5);
    expect(actual.expires_in).toBeLessThanOrEqual(60 * DAY - 3600);
    expect((await sandbox.control.calls()).refreshTooEarly).toBe(1);
  });

  it('should give a new 60-day token once the token is 24 h old, keeping the old one valid', async () => {
    const old = await sandbox.control.issueToken({ userId: USER_ID });
    await sandbox.control.advanceClock(DAY);

    const response = await refresh(old.access_token);
    const actual = LongLivedTokenResponseSchema.parse(await response.json());

    expect(response.status).toBe(200);
    expect(actual.access_token).not.toBe(old.access_token);
    expect(actual).toMatchObject({ token_type: 'bearer', expires_in: 60 * DAY });
    expect((await me(old.access_token)).status).toBe(200);
    expect((await sandbox.control.calls()).refreshTooEarly).toBe(0);
  });

  it('should count the age of a refreshed token from its refresh', async () => {
    const old = await sandbox.control.issueToken({ userId: USER_ID, ageSeconds: 2 * DAY });
    const renewed = LongLivedTokenResponseSchema.parse(
      await (await refresh(old.access_token)).json(),
    );

    const response = await refresh(renewed.access_token);

    expect(response.status).toBe(400);
  });

  it('should keep a refreshed token alive for 60 days from the refresh', async () => {
    const old = await sandbox.control.issueToken({ userId: USER_ID, ageSeconds: 59 * DAY });
    const renewed = LongLivedTokenResponseSchema.parse(
      await (await refresh(old.access_token)).json(),
    );
    await sandbox.control.advanceClock(30 * DAY);

    expect((await me(renewed.access_token)).status).toBe(200);
    expect((await me(old.access_token)).status).toBe(400);
  });

  it('should revoke the old token on refresh when configured to', async () => {
    await sandbox.control.configure({ revokeOldOnRefresh: true });
    const old = await sandbox.control.issueToken({ userId: USER_ID, ageSeconds: DAY });
    const renewed = LongLivedTokenResponseSchema.parse(
      await (await refresh(old.access_token)).json(),
    );

    const oldResponse = await me(old.access_token);

    expect(await graphError(oldResponse)).toMatchObject({ code: 190, error_subcode: 467 });
    expect((await me(renewed.access_token)).status).toBe(200);
  });

  it("should refuse an expired token with 190/463 in Facebook's message format", async () => {
    const issued = await sandbox.control.issueToken({ userId: USER_ID, ageSeconds: 61 * DAY });
    const expiredAt = Date.parse(issued.issued_at) + 60 * DAY * 1000;
    const now = Date.parse((await sandbox.control.now()).now);

    const response = await refresh(issued.access_token);
    const actual = await graphError(response);

    expect(response.status).toBe(400);
    expect(actual).toMatchObject({ type: 'OAuthException', code: 190, error_subcode: 463 });
    expect(actual.message).toMatch(
      /^Error validating access token: Session has expired on [A-Z][a-z]+day, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} PDT\. The current time is [A-Z][a-z]+day, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} PDT\.$/,
    );
    expect(actual.message).toContain(`Session has expired on ${sessionDate(expiredAt)}.`);
    const currentTime = /The current time is (.+)\.$/.exec(actual.message ?? '')?.[1];
    const justAfterNow = [0, 1000, 2000].map((ms) => sessionDate(now + ms));
    expect(justAfterNow).toContain(currentTime);
  });

  it('should refuse a short-lived token', async () => {
    const short = await sandbox.control.issueToken({ userId: USER_ID, kind: 'short' });

    const response = await refresh(short.access_token);

    expect(response.status).toBe(400);
    expect(await graphError(response)).toMatchObject({ code: 100 });
  });

  it('should refuse another grant_type with code 100', async () => {
    const { access_token } = await sandbox.control.issueToken({ userId: USER_ID, ageSeconds: DAY });

    const response = await refresh(access_token, 'ig_exchange_token');

    expect(await graphError(response)).toMatchObject({ code: 100 });
  });

  it('should refuse an unknown token with 190', async () => {
    const response = await refresh('garbage');

    expect(response.status).toBe(400);
    expect(await graphError(response)).toMatchObject({ code: 190 });
  });

  it.each(['POST', 'PUT', 'DELETE'])('should answer %s with IGApiException 100', async (method) => {
    const { access_token } = await sandbox.control.issueToken({ userId: USER_ID, ageSeconds: DAY });

    const response = await fetch(
      sandbox.at('/refresh_access_token', { grant_type: 'ig_refresh_token', access_token }),
      { method },
    );

    expect(response.status).toBe(400);
    expect(await graphError(response)).toMatchObject({
      message: `Unsupported request - method type: ${method.toLowerCase()}`,
      type: 'IGApiException',
      code: 100,
    });
    expect((await sandbox.control.calls()).refresh_access_token).toBe(1);
  });
});
