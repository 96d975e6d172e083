import { describe, expect, it } from 'vitest';
import { authorizeParams, sessionCookieOf, useSandbox } from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
const CREATOR = '27640875392278831';
const BUSINESS = '17841405793187218';
const INSUFFICIENT_ROLE =
  'Insufficient developer role: The user is not a tester of this app or has not accepted the invite.';

function getAuthorize(overrides: Record<string, string | undefined> = {}, cookie?: string) {
  return fetch(sandbox.at('/oauth/authorize', authorizeParams(overrides)), {
    headers: cookie === undefined ? {} : { Cookie: cookie },
    redirect: 'manual',
  });
}

function allow(userId: string, cookie?: string) {
  return fetch(sandbox.at('/oauth/authorize'), {
    method: 'POST',
    headers: cookie === undefined ? {} : { Cookie: cookie },
    body: new URLSearchParams({ ...authorizeParams(), decision: 'allow', user_id: userId }),
    redirect: 'manual',
  });
}

/** An error page shown in the login window: a message, and nothing to click or follow. */
async function expectDeadEndPage(response: Response, message: string) {
  const page = await response.text();
  expect(response.status).toBe(200);
  expect(response.headers.get('Location')).toBeNull();
  expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
  expect(page).toContain(`<p id="error-message">${message}</p>`);
  expect(page).not.toMatch(/<form|<button|<a\s|<meta http-equiv="refresh"|<script/i);
}

describe('setup error pages of GET /oauth/authorize', () => {
  it.each([
    [
      'an unregistered redirect_uri',
      { redirect_uri: 'https://evil.example/' },
      'Invalid Request: Request parameters are invalid: Invalid redirect_uri',
    ],
    [
      'the Facebook App ID as client_id',
      { client_id: '1234567890123456' },
      'Invalid Request: Request parameters are invalid: Invalid platform app',
    ],
    [
      'the retired business_* scope names',
      { scope: 'business_basic,business_manage_comments,instagram_business_content_publish' },
      'Invalid Request: Request parameters are invalid: Invalid scope: [business_basic,business_manage_comments]',
    ],
    [
      'a retired name spelled with spaces',
      { scope: 'business_content_publish business_manage_messages' },
      'Invalid Request: Request parameters are invalid: Invalid scope: [business_content_publish,business_manage_messages]',
    ],
  ])(
    'should answer %s with a page that has no form, button or redirect',
    async (_case, query, message) => {
      await expectDeadEndPage(await getAuthorize(query), message);
    },
  );

  it('should show it instead of redirecting in consent mode allow', async () => {
    await sandbox.control.setConsent('allow');

    await expectDeadEndPage(
      await getAuthorize({ scope: 'business_basic' }),
      'Invalid Request: Request parameters are invalid: Invalid scope: [business_basic]',
    );
  });
});

describe('Insufficient developer role', () => {
  it('should refuse an account with a pending tester invite when it presses Allow', async () => {
    await sandbox.control.configure({ pendingTesterUserIds: [BUSINESS] });

    const refused = await allow(BUSINESS);
    const accepted = await allow(CREATOR);

    await expectDeadEndPage(refused, INSUFFICIENT_ROLE);
    expect(accepted.status).toBe(302);
    expect((await sandbox.control.state()).pendingCodes).toBe(1);
  });

  it('should refuse it on "Continue as" too, the Instagram login itself having succeeded', async () => {
    await sandbox.control.configure({ pendingTesterUserIds: [CREATOR] });

    const first = await allow(CREATOR);
    const cookie = sessionCookieOf(first).pair;
    const continued = await getAuthorize({}, cookie);
    const again = await allow(CREATOR, cookie);

    await expectDeadEndPage(first, INSUFFICIENT_ROLE);
    expect(await continued.text()).toContain('Continue as @sandbox.creator');
    await expectDeadEndPage(again, INSUFFICIENT_ROLE);
  });

  it('should refuse the account auto-allow logs in as, matched by its app-scoped id too', async () => {
    await sandbox.control.configure({ pendingTesterUserIds: ['9130000000000002'] });
    await sandbox.control.setConsent('allow', BUSINESS);

    await expectDeadEndPage(await getAuthorize(), INSUFFICIENT_ROLE);
  });

  it('should let everyone in again after a reset', async () => {
    await sandbox.control.configure({ pendingTesterUserIds: [CREATOR] });
    await sandbox.control.reset();

    expect((await allow(CREATOR)).status).toBe(302);
    expect((await sandbox.control.state()).config.pendingTesterUserIds).toEqual([]);
  });
});
