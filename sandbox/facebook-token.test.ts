import { describe, expect, it } from 'vitest';
import { FacebookTokenResponseSchema } from '../shared/facebook-responses';
import { GraphErrorEnvelopeSchema } from '../shared/instagram-responses';
import { SANDBOX_FB_APP_ID, SANDBOX_FB_APP_SECRET, SANDBOX_FB_USERS } from './defaults';
import {
  REDIRECT_URI,
  exchangeFacebookCode,
  obtainFacebookCode,
  useSandbox,
} from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
const OWNER = SANDBOX_FB_USERS[0].id;

async function graphError(response: Response) {
  return GraphErrorEnvelopeSchema.parse(await response.json()).error;
}

async function shortLivedToken() {
  const response = await exchangeFacebookCode(sandbox, await obtainFacebookCode(sandbox, OWNER));
  return FacebookTokenResponseSchema.parse(await response.json()).access_token;
}

function extend(token: string, overrides: Record<string, string> = {}) {
  return fetch(
    sandbox.at('/facebook/v25.0/oauth/access_token', {
      grant_type: 'fb_exchange_token',
      client_id: SANDBOX_FB_APP_ID,
      client_secret: SANDBOX_FB_APP_SECRET,
      fb_exchange_token: token,
      ...overrides,
    }),
  );
}

describe('Facebook oauth/access_token', { timeout: 30_000 }, () => {
  it('should redeem a code by POST form for a ~2 h EAA token in the real body shape', async () => {
    const response = await exchangeFacebookCode(sandbox, await obtainFacebookCode(sandbox, OWNER));
    const body: unknown = await response.json();

    expect(response.status).toBe(200);
    expect(body).toEqual({
      access_token: expect.stringMatching(/^EAA[A-Za-z0-9]+$/),
      token_type: 'bearer',
      expires_in: 7200,
    });
  });

  it('should redeem a code by GET with the query, as Meta documents', async () => {
    const code = await obtainFacebookCode(sandbox, OWNER);
    const response = await fetch(
      sandbox.at('/facebook/v25.0/oauth/access_token', {
        client_id: SANDBOX_FB_APP_ID,
        client_secret: SANDBOX_FB_APP_SECRET,
        redirect_uri: REDIRECT_URI,
        code,
      }),
    );

    expect(response.status).toBe(200);
  });

  it.each([
    ['used', 36009, 'This authorization code has been used.'],
    ['expired', 36007, 'This authorization code has expired.'],
    [
      'redirect_mismatch',
      36008,
      'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
    ],
  ])('should refuse a %s code with 100/%i, HTTP 400', async (problem, subcode, message) => {
    const code = await obtainFacebookCode(sandbox, OWNER);
    if (problem === 'used') await exchangeFacebookCode(sandbox, code);
    if (problem === 'expired') await sandbox.control.advanceClock(11 * 60);

    const response = await exchangeFacebookCode(
      sandbox,
      code,
      problem === 'redirect_mismatch' ? { redirect_uri: 'https://other.example/' } : {},
    );

    expect(response.status).toBe(400);
    expect(await graphError(response)).toMatchObject({
      message,
      type: 'OAuthException',
      code: 100,
      error_subcode: subcode,
      fbtrace_id: expect.any(String),
    });
  });

  it('should answer a wrong secret with code 1 and an unknown app id with 101', async () => {
    const code = await obtainFacebookCode(sandbox, OWNER);

    const secret = await exchangeFacebookCode(sandbox, code, { client_secret: 'wrong-secret' });
    const app = await exchangeFacebookCode(sandbox, code, { client_id: '123' });

    expect(secret.status).toBe(400);
    expect(await graphError(secret)).toMatchObject({
      code: 1,
      message: 'Error validating client secret.',
    });
    expect(app.status).toBe(400);
    expect(await graphError(app)).toMatchObject({
      code: 101,
      message: 'Error validating application. Invalid application ID.',
    });
  });

  it('should extend a short-lived token to a 60-day one with fb_exchange_token', async () => {
    const response = await extend(await shortLivedToken());

    expect(response.status).toBe(200);
    expect(FacebookTokenResponseSchema.parse(await response.json())).toMatchObject({
      token_type: 'bearer',
      expires_in: 5184000,
    });
  });

  it('should refuse an expired token with 190/463 and a revoked one with its subcode', async () => {
    const expiring = await shortLivedToken();
    await sandbox.control.advanceClock(7201);
    const expired = await extend(expiring);
    const revoking = await shortLivedToken();
    await sandbox.control.facebook.revoke(OWNER, 459);
    const revoked = await extend(revoking);

    expect(expired.status).toBe(400);
    expect(await graphError(expired)).toMatchObject({ code: 190, error_subcode: 463 });
    expect(await graphError(revoked)).toMatchObject({ code: 190, error_subcode: 459 });
  });

  it('should count the two grants apart and fail the long-lived one alone on demand', async () => {
    const token = await shortLivedToken();
    await sandbox.control.failNext('facebook/fb_exchange_token', 'graph_error', 1, {
      code: 190,
      subcode: 464,
    });

    const injected = await extend(token);
    const recovered = await extend(token);

    expect(await graphError(injected)).toMatchObject({ code: 190, error_subcode: 464 });
    expect(recovered.status).toBe(200);
    const calls = await sandbox.control.calls();
    expect([calls['facebook/oauth/access_token'], calls['facebook/fb_exchange_token']]).toEqual([
      1, 2,
    ]);
  });

  it.each([
    [1, undefined, 400],
    [2, undefined, 500],
    [4, undefined, 400],
    [17, undefined, 400],
    [100, 33, 400],
    [101, undefined, 400],
  ])('should inject code %i (subcode %s) on the code exchange', async (code, subcode, status) => {
    await sandbox.control.failNext('facebook/oauth/access_token', 'graph_error', 1, {
      code,
      ...(subcode === undefined ? {} : { subcode }),
    });

    const response = await exchangeFacebookCode(sandbox, 'AQanything');

    expect(response.status).toBe(status);
    expect(await graphError(response)).toMatchObject({
      code,
      ...(subcode === undefined ? {} : { error_subcode: subcode }),
    });
  });
});
