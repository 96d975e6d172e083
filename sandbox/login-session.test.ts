import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from './login-sessions';
import { authorizeParams, sessionCookieOf, useSandbox } from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
const CREATOR = '27640875392278831';
const BUSINESS = '17841405793187218';

function getAuthorize(query: Record<string, string | undefined> = {}, cookie?: string) {
  return fetch(sandbox.at('/oauth/authorize', authorizeParams(query)), {
    headers: cookie === undefined ? {} : { Cookie: cookie },
    redirect: 'manual',
  });
}

function allow(userId: string, cookie?: string, query: Record<string, string | undefined> = {}) {
  return fetch(sandbox.at('/oauth/authorize'), {
    method: 'POST',
    headers: cookie === undefined ? {} : { Cookie: cookie },
    body: new URLSearchParams({ ...authorizeParams(query), decision: 'allow', user_id: userId }),
    redirect: 'manual',
  });
}

/** Logs in as `userId` through the chooser and returns the session cookie pair. */
async function logInAs(userId: string) {
  return sessionCookieOf(await allow(userId)).pair;
}

describe('the login session', () => {
  it('should set an HttpOnly, SameSite=Lax session cookie on the Allow redirect', async () => {
    const response = await allow(CREATOR);
    const cookie = sessionCookieOf(response);

    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toMatch(/\?code=AQ/);
    expect(cookie.pair).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9]{32}$`));
    expect(cookie.attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly']));
    expect(cookie.attributes).toContainEqual(expect.stringMatching(/^SameSite=Lax$/i));
    expect(cookie.attributes.some((attribute) => /^(Max-Age|Expires)=/i.test(attribute))).toBe(
      false,
    );
    expect((await sandbox.control.state()).sessions).toBe(1);
  });

  it('should offer only "Continue as" the logged-in account without force_reauth', async () => {
    const cookie = await logInAs(BUSINESS);

    const response = await getAuthorize({}, cookie);
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(page).toMatch(
      /<button type="submit" name="decision" value="allow">\s*Continue as @sandbox\.business\s*<\/button>/,
    );
    expect(page).toContain('<input type="hidden" name="user_id" value="17841405793187218" />');
    expect(page).toMatch(/<button type="submit" name="decision" value="deny">Deny<\/button>/);
    expect(page).not.toContain('type="radio"');
    expect(page).not.toContain(CREATOR);
    expect(page).not.toContain('sandbox.creator');
    expect(page).not.toMatch(/Not you|Switch accounts/i);
  });

  it('should log in again as the session account when Continue is pressed', async () => {
    const cookie = await logInAs(BUSINESS);

    const response = await allow(BUSINESS, cookie);

    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toMatch(/\?code=AQ[A-Za-z0-9]+&state=state-123#_$/);
  });

  it('should refuse a form edited to pick another account than the session one', async () => {
    const cookie = await logInAs(BUSINESS);

    const response = await allow(CREATOR, cookie);

    expect(response.status).toBe(200);
    expect(response.headers.get('Location')).toBeNull();
    expect(await response.text()).toContain('continue as @sandbox.business');
  });

  it.each(['true', '1'])(
    'should list every account again with force_reauth=%s, and let another log in',
    async (force) => {
      const cookie = await logInAs(CREATOR);

      const page = await (await getAuthorize({ force_reauth: force }, cookie)).text();
      const second = await allow(BUSINESS, cookie, { force_reauth: force });

      expect(page).toContain('<legend>Log in as</legend>');
      expect(page).toMatch(/value="27640875392278831"\s+checked/);
      expect(page).toMatch(/value="17841405793187218"\s*\/>/);
      expect(page).not.toContain('Continue as');
      expect(page).toContain(`<input type="hidden" name="force_reauth" value="${force}" />`);
      expect(second.status).toBe(302);
      expect(sessionCookieOf(second).pair).not.toBe(cookie);
    },
  );

  it('should show the chooser for force_reauth=false and for an unknown cookie', async () => {
    const cookie = await logInAs(CREATOR);

    const ignored = await (await getAuthorize({ force_reauth: 'false' }, cookie)).text();
    const unknown = await (await getAuthorize({}, `${SESSION_COOKIE}=nobody`)).text();

    expect(ignored).toContain('Continue as @sandbox.creator');
    expect(unknown).toContain('<legend>Log in as</legend>');
  });

  it('should forget every session on reset, whatever cookie the browser keeps', async () => {
    const cookie = await logInAs(BUSINESS);

    await sandbox.control.reset();
    const page = await (await getAuthorize({}, cookie)).text();

    expect(page).toContain('<legend>Log in as</legend>');
    expect((await sandbox.control.state()).sessions).toBe(0);
  });

  it('should set no cookie on Deny', async () => {
    const response = await fetch(sandbox.at('/oauth/authorize'), {
      method: 'POST',
      body: new URLSearchParams({ ...authorizeParams(), decision: 'deny' }),
      redirect: 'manual',
    });

    expect(response.status).toBe(302);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});

describe('consent mode allow and the session', () => {
  it('should log in as the chosen consent user and set the session cookie', async () => {
    const reply = await sandbox.control.setConsent('allow', BUSINESS);

    const response = await getAuthorize();
    const cookie = sessionCookieOf(response).pair;
    await sandbox.control.setConsent('ask');
    const page = await (await getAuthorize({}, cookie)).text();

    expect(reply).toEqual({ mode: 'allow', userId: BUSINESS });
    expect(response.status).toBe(302);
    expect(page).toContain('Continue as @sandbox.business');
  });

  it('should default the consent user to the first seeded account', async () => {
    const reply = await sandbox.control.setConsent('allow');

    const cookie = sessionCookieOf(await getAuthorize()).pair;
    await sandbox.control.setConsent('ask');
    const page = await (await getAuthorize({}, cookie)).text();

    expect(reply).toEqual({ mode: 'allow', userId: CREATOR });
    expect(page).toContain('Continue as @sandbox.creator');
  });

  it('should keep the session account over the consent user without force_reauth', async () => {
    const cookie = await logInAs(CREATOR);
    await sandbox.control.setConsent('allow', BUSINESS);

    const kept = await getAuthorize({}, cookie);
    const forced = await getAuthorize({ force_reauth: 'true' }, cookie);

    const keptCookie = sessionCookieOf(kept).pair;
    const forcedCookie = sessionCookieOf(forced).pair;
    await sandbox.control.setConsent('ask');
    expect(await (await getAuthorize({}, keptCookie)).text()).toContain(
      'Continue as @sandbox.creator',
    );
    expect(await (await getAuthorize({}, forcedCookie)).text()).toContain(
      'Continue as @sandbox.business',
    );
  });

  it('should accept the app-scoped id, refuse an unknown user and report the user in the state', async () => {
    await sandbox.control.setConsent('allow', '9130000000000002');

    const state = await sandbox.control.state();

    expect(state).toMatchObject({ consent: 'allow', consentUserId: BUSINESS });
    await expect(sandbox.control.setConsent('allow', '42')).rejects.toMatchObject({
      code: 'rejected',
    });
    await sandbox.control.reset();
    expect(await sandbox.control.state()).toMatchObject({ consent: 'ask', consentUserId: CREATOR });
  });
});
