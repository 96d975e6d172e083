import { describe, expect, it } from 'vitest';
import { SANDBOX_FB_USERS } from './defaults';
import { FACEBOOK_SESSION_COOKIE } from './login-sessions';
import { s256Challenge } from './pkce';
import {
  REDIRECT_URI,
  exchangeFacebookCode,
  facebookDialogParams,
  useSandbox,
} from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
const OWNER = SANDBOX_FB_USERS[0];
const NO_PAGES = SANDBOX_FB_USERS[1];

function getDialog(query: Record<string, string | undefined> = {}, cookie?: string) {
  return fetch(sandbox.at('/facebook/v25.0/dialog/oauth', facebookDialogParams(query)), {
    headers: cookie === undefined ? {} : { Cookie: cookie },
    redirect: 'manual',
  });
}

function postDialog(fields: Record<string, string>, cookie?: string) {
  return fetch(sandbox.at('/facebook/v25.0/dialog/oauth'), {
    method: 'POST',
    headers: cookie === undefined ? {} : { Cookie: cookie },
    body: new URLSearchParams({ ...facebookDialogParams(), ...fields }),
    redirect: 'manual',
  });
}

function cookieOf(response: Response): string {
  const header = response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith(`${FACEBOOK_SESSION_COOKIE}=`));
  if (header === undefined) throw new Error('No Facebook session cookie was set');
  return header.split(';')[0] ?? '';
}

describe('Facebook dialog', { timeout: 30_000 }, () => {
  it('should show the chooser with both users, Allow and Cancel, posting to its own path', async () => {
    const response = await getDialog();
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(page).toContain('Log in with Facebook');
    expect(page).toContain('action="/facebook/v25.0/dialog/oauth"');
    expect(page).toContain(`value="${OWNER.id}"`);
    expect(page).toContain(`value="${NO_PAGES.id}"`);
    expect(page).toMatch(/value="allow">Allow<\/button>/);
    expect(page).toMatch(/value="deny">Cancel<\/button>/);
  });

  it('should answer any v<digits>.<digits> version', async () => {
    const response = await fetch(sandbox.at('/facebook/v3.2/dialog/oauth', facebookDialogParams()));

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('action="/facebook/v3.2/dialog/oauth"');
  });

  it('should redirect Allow with code and state, ending in exactly #_=_', async () => {
    const response = await postDialog({ decision: 'allow', user_id: OWNER.id });
    const location = response.headers.get('Location') ?? '';

    expect(response.status).toBe(302);
    expect(location.startsWith(`${REDIRECT_URI}?code=AQ`)).toBe(true);
    expect(location.endsWith('&state=fb-state-123#_=_')).toBe(true);
    expect(new URL(location).hash).toBe('#_=_');
  });

  it('should redirect Cancel with user_denied, access_denied and Permissions+error.', async () => {
    const response = await postDialog({ decision: 'deny', user_id: OWNER.id });

    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe(
      `${REDIRECT_URI}?error_reason=user_denied&error=access_denied&error_description=Permissions+error.&state=fb-state-123`,
    );
  });

  it('should remember the user: a later dialog only offers Continue as, Cancel and Not you?', async () => {
    const cookie = cookieOf(await postDialog({ decision: 'allow', user_id: NO_PAGES.id }));

    const page = await (await getDialog({}, cookie)).text();

    expect(page).toContain(`Continue as ${NO_PAGES.name}`);
    expect(page).toContain(`<input type="hidden" name="user_id" value="${NO_PAGES.id}" />`);
    expect(page).toContain('Not you?');
    expect(page).toMatch(/value="switch">Log in with another account<\/button>/);
    expect(page).not.toContain('type="radio"');
    expect(page).not.toContain(OWNER.name);
    expect((await sandbox.control.state()).facebook.sessions).toBe(1);
  });

  it('should refuse another user than the remembered one, unless Not you? was chosen', async () => {
    const cookie = cookieOf(await postDialog({ decision: 'allow', user_id: NO_PAGES.id }));

    const refused = await postDialog({ decision: 'allow', user_id: OWNER.id }, cookie);
    const switched = await postDialog({ decision: 'switch', user_id: NO_PAGES.id }, cookie);
    const chooser = await switched.text();
    const allowed = await postDialog({ decision: 'allow', user_id: OWNER.id }, cookie);

    expect(refused.status).toBe(200);
    expect(await refused.text()).toContain('id="error-message"');
    expect(switched.status).toBe(200);
    expect(chooser).toContain('type="radio"');
    expect(chooser).toContain(OWNER.name);
    expect(allowed.status).toBe(302);
  });

  it('should show the chooser again with auth_type=reauthenticate', async () => {
    const cookie = cookieOf(await postDialog({ decision: 'allow', user_id: NO_PAGES.id }));

    const page = await (await getDialog({ auth_type: 'reauthenticate' }, cookie)).text();

    expect(page).toContain('type="radio"');
  });

  it('should keep Instagram and Facebook sessions apart (cookie path /facebook)', async () => {
    const response = await postDialog({ decision: 'allow', user_id: OWNER.id });
    const header = response.headers.getSetCookie().join('\n');

    expect(header).toContain('Path=/facebook');
    expect(header).not.toContain('sandbox_session=');
  });

  it.each([
    ['an unknown app id', { client_id: '1' }, 'Invalid App ID'],
    ['an unregistered redirect_uri', { redirect_uri: 'https://evil.example/' }, 'URL Blocked'],
    ['an unknown scope', { scope: 'pages_show_list,user_photos' }, 'Invalid Scopes: user_photos.'],
    ['a plain PKCE challenge', { code_challenge: 'x', code_challenge_method: 'plain' }, 'Invalid'],
  ])('should show an error page with HTTP 200 and no button for %s', async (_case, query, text) => {
    const response = await getDialog(query);
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(page).toContain('id="error-message"');
    expect(page).toContain(text);
    expect(page).not.toContain('<button');
    expect(page).not.toContain('<form');
  });

  it('should answer at once with consent allow (as the chosen user) and deny', async () => {
    await sandbox.control.facebook.setConsent('allow', NO_PAGES.id);
    const allowed = await getDialog();
    await sandbox.control.facebook.setConsent('deny');
    const denied = await getDialog();

    expect(allowed.headers.get('Location')).toMatch(/\?code=AQ[^#]+&state=fb-state-123#_=_$/);
    expect(denied.headers.get('Location')).toContain('error=access_denied');
    expect((await sandbox.control.state()).facebook.consent).toBe('deny');
  });

  it('should require the matching code_verifier when the dialog had an S256 challenge', async () => {
    const verifier = 'fb-verifier-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEF';
    const withChallenge = {
      code_challenge: s256Challenge(verifier),
      code_challenge_method: 'S256',
    };
    const codeOf = async () =>
      new URL(
        (await postDialog({ ...withChallenge, decision: 'allow', user_id: OWNER.id })).headers.get(
          'Location',
        ) ?? '',
      ).searchParams.get('code') ?? '';

    const refused = await exchangeFacebookCode(sandbox, await codeOf(), {
      code_verifier: `${verifier}x`,
    });
    const accepted = await exchangeFacebookCode(sandbox, await codeOf(), {
      code_verifier: verifier,
    });

    expect(refused.status).toBe(400);
    expect(accepted.status).toBe(200);
  });
});
