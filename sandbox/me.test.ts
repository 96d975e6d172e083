import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { GraphErrorEnvelopeSchema } from '../shared/instagram-responses';
import { SANDBOX_CLIENT_ID } from './defaults';
import { useSandbox } from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
const CREATOR = '27640875392278831';
const BUSINESS = '17841405793187218';
const ALL_FIELDS =
  'id,user_id,username,name,account_type,profile_picture_url,followers_count,follows_count,media_count';

async function longToken(userId = CREATOR) {
  return (await sandbox.control.issueToken({ userId })).access_token;
}

async function graphError(response: Response) {
  return GraphErrorEnvelopeSchema.parse(await response.json()).error;
}

describe.each(['/me', '/v25.0/me'])('GET %s', (path) => {
  it('should answer only the id by default, with the token in the query', async () => {
    const response = await fetch(sandbox.at(path, { access_token: await longToken() }));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: '9130000000000001' });
  });

  it('should accept an Authorization: Bearer token and return the requested fields in order', async () => {
    const response = await fetch(sandbox.at(path, { fields: ALL_FIELDS }), {
      headers: { Authorization: `Bearer ${await longToken(BUSINESS)}` },
    });
    const text = await response.text();

    expect(JSON.parse(text)).toEqual({
      id: '9130000000000002',
      user_id: BUSINESS,
      username: 'sandbox.business',
      name: 'Sandbox Business',
      account_type: 'BUSINESS',
      profile_picture_url: `${sandbox.url}/avatars/sandbox.business.svg`,
      followers_count: 56020,
      follows_count: 12,
      media_count: 402,
    });
    expect(Object.keys(z.record(z.string(), z.unknown()).parse(JSON.parse(text)))).toEqual(
      ALL_FIELDS.split(','),
    );
  });

  it('should give an app-scoped id different from user_id', async () => {
    const response = await fetch(
      sandbox.at(path, { fields: 'id,user_id,account_type', access_token: await longToken() }),
    );

    expect(await response.json()).toEqual({
      id: '9130000000000001',
      user_id: CREATOR,
      account_type: 'MEDIA_CREATOR',
    });
  });

  it('should refuse an unknown field with code 100', async () => {
    const response = await fetch(
      sandbox.at(path, { fields: 'id,email', access_token: await longToken() }),
    );

    expect(response.status).toBe(400);
    expect(await graphError(response)).toMatchObject({
      message: '(#100) Tried accessing nonexisting field (email) on node type (User)',
      code: 100,
    });
  });

  it('should wrap the profile in data when configured to', async () => {
    await sandbox.control.configure({ meWrapped: true });

    const response = await fetch(
      sandbox.at(path, { fields: 'user_id,username', access_token: await longToken() }),
    );

    expect(await response.json()).toEqual({
      data: [{ user_id: CREATOR, username: 'sandbox.creator' }],
    });
  });

  it('should carry X-App-Usage with the configured percentage', async () => {
    await sandbox.control.configure({ appUsagePercent: 95 });

    const response = await fetch(sandbox.at(path, { access_token: await longToken() }));

    expect(JSON.parse(response.headers.get('X-App-Usage') ?? '')).toEqual({
      call_volume: 95,
      cpu_time: 95,
    });
  });
});

describe('GET /me token errors', () => {
  function me(token: string) {
    return fetch(sandbox.at('/me', { access_token: token }));
  }

  it.each([
    ['a garbage token', 'not-a-token'],
    ['a Facebook EAA token', 'EAACEdEose0cBAFakeFacebookToken'],
    ['an unknown IGAA token', 'IGAAZZZunknownZD'],
  ])('should refuse %s with 190, no subcode, HTTP 400', async (_case, token) => {
    const response = await me(token);
    const actual = await graphError(response);

    expect(response.status).toBe(400);
    expect(actual).toEqual({
      message: 'Invalid OAuth access token - Cannot parse access token',
      type: 'OAuthException',
      code: 190,
      fbtrace_id: expect.stringMatching(/^[A-Za-z0-9_-]{23}$/),
    });
    expect(response.headers.get('X-App-Usage')).not.toBeNull();
  });

  it('should use HTTP 401 for a bad token when configured to', async () => {
    await sandbox.control.configure({ invalidTokenStatus: 401 });

    const response = await me('not-a-token');

    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^OAuth "Facebook Platform"/);
    expect(await graphError(response)).toMatchObject({ code: 190 });
  });

  it('should refuse a request without any token with code 2500', async () => {
    const response = await fetch(sandbox.at('/me'));

    expect(response.status).toBe(400);
    expect(await graphError(response)).toMatchObject({ code: 2500 });
  });

  it.each([
    [
      460,
      'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
    ],
    [
      458,
      `Error validating access token: The user has not authorized application ${SANDBOX_CLIENT_ID}.`,
    ],
    [467, 'Error validating access token: The session is invalid because the user logged out.'],
  ] as const)('should refuse a token revoked with subcode %i', async (subcode, message) => {
    const token = await longToken();
    const other = await longToken(BUSINESS);

    const revoked = await sandbox.control.revoke(CREATOR, subcode);
    const response = await me(token);

    expect(revoked).toEqual({ revoked: 1 });
    expect(response.status).toBe(400);
    expect(await graphError(response)).toMatchObject({
      message,
      type: 'OAuthException',
      code: 190,
      error_subcode: subcode,
    });
    expect((await me(other)).status).toBe(200);
  });

  it('should revoke with subcode 460 when none is given', async () => {
    const token = await longToken();
    await sandbox.control.revoke(CREATOR);

    expect(await graphError(await me(token))).toMatchObject({ error_subcode: 460 });
  });

  it('should refuse an expired token with 190/463', async () => {
    const { access_token } = await sandbox.control.issueToken({
      userId: CREATOR,
      kind: 'short',
      ageSeconds: 3600,
    });

    const actual = await graphError(await me(access_token));

    expect(actual).toMatchObject({ code: 190, error_subcode: 463 });
  });
});
