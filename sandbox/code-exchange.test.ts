import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  CodeExchangeResponseSchema,
  OAuthFlatErrorSchema,
  parseJsonKeepingIds,
} from '../shared/instagram-responses';
import { SANDBOX_CLIENT_ID } from './defaults';
import {
  codeExchangeFields,
  exchangeCode,
  obtainCode,
  useSandbox,
} from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
/** `/me.user_id` of the first seeded user: the account id. */
const ACCOUNT_ID = '27640875392278831';
/** The first seeded user's app-scoped id, which the code exchange names instead (docs/instagram-contract.md §5.3). */
const APP_SCOPED_ID = '9130000000000001';

async function expectFlatError(response: Response, expected: string) {
  const actual = OAuthFlatErrorSchema.parse(await response.json());
  expect(response.status).toBe(400);
  expect(actual).toEqual({ error_type: 'OAuthException', code: 400, error_message: expected });
}

describe('POST /oauth/access_token', () => {
  it('should answer the flat shape with the app-scoped user_id as a bare integer above 2^53', async () => {
    const code = await obtainCode(sandbox);

    const response = await exchangeCode(sandbox, code);
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(text).toMatch(
      /^\{"access_token":"IGAA[A-Za-z0-9]{178}ZD","user_id":9130000000000001,"permissions":\["instagram_business_basic","instagram_business_manage_comments"\]\}$/,
    );
    const lossy = z.object({ user_id: z.number() }).parse(JSON.parse(text));
    expect(String(lossy.user_id)).not.toBe(APP_SCOPED_ID);
    expect(CodeExchangeResponseSchema.parse(parseJsonKeepingIds(text)).user_id).toBe(APP_SCOPED_ID);
  });

  it.each([
    ['27640875392278831', '9130000000000001'],
    ['17841405793187218', '9130000000000002'],
  ])(
    'should name account %s by a stable app-scoped id that differs from /me.user_id',
    async (accountId, appScopedId) => {
      const exchanged = [];
      for (let login = 0; login < 2; login += 1) {
        const code = await obtainCode(sandbox, {}, accountId);
        const text = await (await exchangeCode(sandbox, code)).text();
        exchanged.push(CodeExchangeResponseSchema.parse(parseJsonKeepingIds(text)));
      }
      const me = await fetch(
        sandbox.at('/me', { fields: 'id,user_id', access_token: exchanged[0]?.access_token ?? '' }),
      );

      expect(exchanged.map((body) => body.user_id)).toEqual([appScopedId, appScopedId]);
      expect(await me.json()).toEqual({ id: appScopedId, user_id: accountId });
      expect(appScopedId).not.toBe(accountId);
    },
  );

  it('should answer the wrapped shape with a string user_id and comma-separated permissions', async () => {
    await sandbox.control.configure({ codeExchangeShape: 'wrapped' });
    const code = await obtainCode(
      sandbox,
      { scope: 'instagram_business_basic' },
      '17841405793187218',
    );

    const response = await exchangeCode(sandbox, code);
    const actual: unknown = await response.json();

    expect(actual).toEqual({
      data: [
        {
          access_token: expect.stringMatching(/^IGAA/),
          user_id: '9130000000000002',
          permissions: 'instagram_business_basic',
        },
      ],
    });
  });

  it('should answer the legacy shape without permissions and with a bare user_id', async () => {
    await sandbox.control.configure({ codeExchangeShape: 'legacy' });
    const code = await obtainCode(sandbox);

    const text = await (await exchangeCode(sandbox, code)).text();

    expect(text).toMatch(/^\{"access_token":"IGAA[A-Za-z0-9]+","user_id":9130000000000001\}$/);
    expect(parseJsonKeepingIds(text)).toEqual({
      access_token: expect.stringMatching(/^IGAA/),
      user_id: APP_SCOPED_ID,
    });
  });

  it('should issue a short-lived token that /me accepts', async () => {
    const code = await obtainCode(sandbox);
    const body = CodeExchangeResponseSchema.parse(
      parseJsonKeepingIds(await (await exchangeCode(sandbox, code)).text()),
    );

    const me = await fetch(
      sandbox.at('/me', { fields: 'user_id', access_token: body.access_token }),
    );

    expect(await me.json()).toEqual({ user_id: ACCOUNT_ID });
  });

  it('should accept a multipart body', async () => {
    const code = await obtainCode(sandbox);
    const form = new FormData();
    for (const [name, value] of Object.entries(codeExchangeFields(code))) form.append(name, value);

    const response = await fetch(sandbox.at('/oauth/access_token'), { method: 'POST', body: form });

    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`"user_id":${APP_SCOPED_ID}`);
  });

  it('should refuse a code used twice', async () => {
    const code = await obtainCode(sandbox);
    await exchangeCode(sandbox, code);

    const response = await exchangeCode(sandbox, code);

    await expectFlatError(response, 'Matching code was not found or was already used');
  });

  it('should refuse a code older than one hour on the sandbox clock', async () => {
    const code = await obtainCode(sandbox);
    await sandbox.control.advanceClock(3601);

    const response = await exchangeCode(sandbox, code);

    await expectFlatError(response, 'Matching code was not found or was already used');
  });

  it('should refuse a code that still ends in #_', async () => {
    const code = await obtainCode(sandbox);

    const response = await exchangeCode(sandbox, `${code}#_`);

    await expectFlatError(response, 'Matching code was not found or was already used');
  });

  it('should refuse a redirect_uri other than the one of the authorize step', async () => {
    const code = await obtainCode(sandbox);

    const response = await exchangeCode(sandbox, code, { redirect_uri: 'https://other.example/' });

    await expectFlatError(
      response,
      'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
    );
  });

  it.each([
    ['client_secret', { client_secret: 'wrong' }],
    ['client_id', { client_id: '1234567890' }],
  ])('should answer a wrong %s with Invalid platform app', async (_field, overrides) => {
    const code = await obtainCode(sandbox);

    const response = await exchangeCode(sandbox, code, overrides);

    await expectFlatError(response, 'Invalid platform app');
  });

  it('should keep the code usable after a rejected attempt with wrong credentials', async () => {
    const code = await obtainCode(sandbox);
    await exchangeCode(sandbox, code, { client_secret: 'wrong' });

    const response = await exchangeCode(sandbox, code);

    expect(response.status).toBe(200);
  });

  it.each(['client_id', 'client_secret', 'grant_type', 'redirect_uri', 'code'])(
    'should name a missing %s',
    async (field) => {
      const code = await obtainCode(sandbox);

      const response = await exchangeCode(sandbox, code, { [field]: undefined });

      await expectFlatError(response, `Missing required parameter: ${field}`);
    },
  );

  it('should refuse a grant_type other than authorization_code', async () => {
    const code = await obtainCode(sandbox);

    const response = await exchangeCode(sandbox, code, { grant_type: 'client_credentials' });

    await expectFlatError(response, 'Invalid grant_type');
  });

  it('should treat a JSON body as missing fields', async () => {
    const response = await fetch(sandbox.at('/oauth/access_token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_id: SANDBOX_CLIENT_ID }),
    });

    await expectFlatError(response, 'Missing required parameter: client_id');
  });
});
