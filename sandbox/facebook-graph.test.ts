import { describe, expect, it } from 'vitest';
import { FacebookPagesResponseSchema } from '../shared/facebook-pages';
import {
  DebugTokenEnvelopeSchema,
  FacebookTokenResponseSchema,
} from '../shared/facebook-responses';
import { GraphErrorEnvelopeSchema, parseJsonKeepingIds } from '../shared/instagram-responses';
import {
  SANDBOX_FB_APP_ID,
  SANDBOX_FB_APP_SECRET,
  SANDBOX_FB_USERS,
  SANDBOX_USERS,
} from './defaults';
import { listenForSecrets } from './secret-listener';
import {
  exchangeFacebookCode,
  obtainFacebookCode,
  useSandbox,
} from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
const OWNER = SANDBOX_FB_USERS[0];
const NO_PAGES = SANDBOX_FB_USERS[1];
const APP_TOKEN = `${SANDBOX_FB_APP_ID}|${SANDBOX_FB_APP_SECRET}`;

function debug(input: string, appToken = APP_TOKEN) {
  return fetch(
    sandbox.at('/facebook/v25.0/debug_token', { input_token: input, access_token: appToken }),
  );
}

async function debugData(input: string) {
  const response = await debug(input);
  expect(response.status).toBe(200);
  return DebugTokenEnvelopeSchema.parse(parseJsonKeepingIds(await response.text()));
}

function graph(path: string, token: string, query: Record<string, string> = {}) {
  return fetch(sandbox.at(`/facebook/v25.0/${path}`, query), {
    headers: { Authorization: `Bearer ${token}` },
  });
}

async function longToken(userId = OWNER.id, scopes?: string[]) {
  return (await sandbox.control.facebook.issueToken({ userId, ...(scopes ? { scopes } : {}) }))
    .access_token;
}

describe('Facebook debug_token', { timeout: 30_000 }, () => {
  it('should describe a user token from the dialog: string app_id, scopes and granular targets', async () => {
    const code = await obtainFacebookCode(sandbox, OWNER.id);
    const { access_token: token } = FacebookTokenResponseSchema.parse(
      await (await exchangeFacebookCode(sandbox, code)).json(),
    );
    const raw = await (await debug(token)).text();
    const actual = await debugData(token);

    expect(raw).toContain(`"app_id":"${SANDBOX_FB_APP_ID}"`);
    expect(actual).toMatchObject({
      app_id: SANDBOX_FB_APP_ID,
      type: 'USER',
      application: 'Token Tool Sandbox',
      is_valid: true,
      scopes: ['pages_show_list', 'instagram_basic'],
      granular_scopes: [
        { scope: 'pages_show_list', target_ids: OWNER.pages.map((page) => page.id) },
        { scope: 'instagram_basic', target_ids: [SANDBOX_USERS[1].user_id] },
      ],
      user_id: OWNER.id,
    });
    const now = Date.now() / 1000;
    expect(actual.expires_at).toBeGreaterThan(now + 7000);
    expect(actual.expires_at).toBeLessThan(now + 7300);
    expect(actual.data_access_expires_at).toBeGreaterThan(now + 89 * 86400);
  });

  it('should nest the error of an expired, revoked or unknown token in data, HTTP 200', async () => {
    const expiring = await longToken();
    await sandbox.control.facebook.expire(OWNER.id);
    const revoking = await longToken(NO_PAGES.id);
    await sandbox.control.facebook.revoke(NO_PAGES.id, 460);

    const expired = await debugData(expiring);
    const revoked = await debugData(revoking);
    const unknown = await debugData('EAAnotAToken');

    expect(expired).toMatchObject({
      is_valid: false,
      user_id: OWNER.id,
      error: { code: 190, subcode: 463, message: expect.stringContaining('Session has expired') },
    });
    expect(revoked).toMatchObject({ is_valid: false, error: { code: 190, subcode: 460 } });
    expect(unknown).toEqual({
      app_id: '',
      is_valid: false,
      scopes: [],
      error: { code: 190, message: 'Invalid OAuth access token.' },
    });
  });

  it('should describe a Page token as type PAGE that never expires (expires_at 0)', async () => {
    const accounts = FacebookPagesResponseSchema.parse(
      await (await graph('me/accounts', await longToken(), { fields: 'access_token' })).json(),
    );
    const pageToken = accounts.data[0]?.access_token ?? '';

    expect(await debugData(pageToken)).toMatchObject({
      type: 'PAGE',
      expires_at: 0,
      is_valid: true,
      profile_id: OWNER.pages[0]?.id,
    });
  });

  it('should refuse a wrong app token with a top-level 190 and a missing one with 100', async () => {
    const token = await longToken();

    const wrong = await debug(token, `${SANDBOX_FB_APP_ID}|not-the-secret`);
    const missing = await fetch(sandbox.at('/facebook/debug_token', { input_token: token }));

    expect(wrong.status).toBe(400);
    expect(GraphErrorEnvelopeSchema.parse(await wrong.json()).error.code).toBe(190);
    expect(GraphErrorEnvelopeSchema.parse(await missing.json()).error.code).toBe(100);
  });
});

describe('Facebook /me, /me/accounts and /{page-id}', { timeout: 30_000 }, () => {
  it('should answer /me with id and name, by Bearer header or access_token query', async () => {
    const token = await longToken();

    const byHeader = await graph('me', token, { fields: 'id,name' });
    const byQuery = await fetch(sandbox.at('/facebook/me', { access_token: token }));

    expect(await byHeader.json()).toEqual({ id: OWNER.id, name: OWNER.name });
    expect(await byQuery.json()).toEqual({ id: OWNER.id, name: OWNER.name });
    expect(byHeader.headers.get('X-App-Usage')).toContain('call_count');
  });

  it('should list the Pages with Page tokens and the linked Instagram account, paged like Graph', async () => {
    const response = await graph('me/accounts', await longToken(), {
      fields: 'name,access_token,instagram_business_account{id,username,profile_picture_url}',
    });
    const actual = FacebookPagesResponseSchema.parse(await response.json());

    expect(actual.data).toEqual([
      {
        id: OWNER.pages[0]?.id,
        name: 'Sandbox Business Page',
        access_token: expect.stringMatching(/^EAA/),
        instagram_business_account: {
          id: SANDBOX_USERS[1].user_id,
          username: 'sandbox.business',
          profile_picture_url: `${sandbox.url}/avatars/sandbox.business.svg`,
        },
      },
      {
        id: OWNER.pages[1]?.id,
        name: 'Sandbox Side Page',
        access_token: expect.stringMatching(/^EAA/),
      },
    ]);
    expect(actual.paging?.cursors?.after).toMatch(/.+/);
  });

  it('should answer an empty list to a user without Pages, or without pages_show_list', async () => {
    const noPages = await graph('me/accounts', await longToken(NO_PAGES.id));
    const noPermission = await graph('me/accounts', await longToken(OWNER.id, ['instagram_basic']));

    expect(await noPages.json()).toEqual({ data: [] });
    expect(await noPermission.json()).toEqual({ data: [] });
  });

  it('should answer 100/33 for a Page the token cannot see, and the node for one it can', async () => {
    const pageId = OWNER.pages[0]?.id ?? '';

    const hidden = await graph(pageId, await longToken(NO_PAGES.id));
    const seen = await graph(pageId, await longToken(), { fields: 'instagram_business_account' });

    expect(GraphErrorEnvelopeSchema.parse(await hidden.json()).error).toMatchObject({
      code: 100,
      error_subcode: 33,
    });
    expect(await seen.json()).toEqual({
      id: pageId,
      instagram_business_account: { id: SANDBOX_USERS[1].user_id },
    });
  });

  it.each([458, 459, 460, 464, 467] as const)(
    'should refuse a token revoked with %i on /me with 190 and that subcode',
    async (subcode) => {
      const token = await longToken();
      await sandbox.control.facebook.revoke(OWNER.id, subcode);

      const response = await graph('me', token);

      expect(response.status).toBe(400);
      expect(GraphErrorEnvelopeSchema.parse(await response.json()).error).toMatchObject({
        code: 190,
        error_subcode: subcode,
      });
    },
  );

  it('should inject a rate limit on /me/accounts through the fault plan', async () => {
    await sandbox.control.failNext('facebook/me/accounts', 'rate_limit', 1, {
      code: 17,
      retryAfterSeconds: 30,
    });

    const response = await graph('me/accounts', await longToken());

    expect(response.status).toBe(400);
    expect(response.headers.get('Retry-After')).toBe('30');
    expect(GraphErrorEnvelopeSchema.parse(await response.json()).error.code).toBe(17);
  });
});

describe('Facebook secrets and control', { timeout: 30_000 }, () => {
  it('should tell the secret listener every Facebook code and token it mints', async () => {
    const heard: string[] = [];
    const stop = listenForSecrets((_kind, value) => heard.push(value));
    try {
      const code = await obtainFacebookCode(sandbox, OWNER.id);
      const { access_token: token } = FacebookTokenResponseSchema.parse(
        await (await exchangeFacebookCode(sandbox, code)).json(),
      );
      const accounts = FacebookPagesResponseSchema.parse(
        await (await graph('me/accounts', token, { fields: 'access_token' })).json(),
      );

      expect(heard).toContain(code);
      expect(heard).toContain(token);
      for (const page of accounts.data) expect(heard).toContain(page.access_token);
    } finally {
      stop();
    }
  });

  it('should mint Page tokens only for the user’s Pages, and reset the Facebook state', async () => {
    await expect(
      sandbox.control.facebook.issueToken({
        userId: NO_PAGES.id,
        kind: 'page',
        pageId: OWNER.pages[0]?.id,
      }),
    ).rejects.toThrow(/Page token needs pageId/);
    const page = await sandbox.control.facebook.issueToken({
      userId: OWNER.id,
      kind: 'page',
      pageId: OWNER.pages[0]?.id,
    });
    const before = (await sandbox.control.state()).facebook.liveTokens;
    await sandbox.control.reset();

    expect(page.expires_in).toBeUndefined();
    expect(before[OWNER.id]).toEqual({ short: 0, long: 0, page: 1 });
    expect((await sandbox.control.state()).facebook).toMatchObject({
      consent: 'ask',
      liveTokens: {},
      sessions: 0,
    });
  });
});
