import { describe, expect, it } from 'vitest';
import { SANDBOX_REDIRECT_URIS } from './defaults';
import {
  authorizeParams,
  exchangeCode,
  obtainCode,
  REDIRECT_URI,
  useSandbox,
} from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();

function getAuthorize(overrides: Record<string, string | undefined> = {}) {
  return fetch(sandbox.at('/oauth/authorize', authorizeParams(overrides)), { redirect: 'manual' });
}

function postConsent(fields: Record<string, string>) {
  return fetch(sandbox.at('/oauth/authorize'), {
    method: 'POST',
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
}

describe('GET /oauth/authorize', () => {
  it('should show a script-free consent page with the scopes, the users and Allow / Deny', async () => {
    const response = await getAuthorize();
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(page).toContain('<form method="post" action="/oauth/authorize">');
    expect(page).toMatch(/<button type="submit" name="decision" value="allow">Allow<\/button>/);
    expect(page).toMatch(/<button type="submit" name="decision" value="deny">Deny<\/button>/);
    expect(page).toContain('<legend>Log in as</legend>');
    expect(page).toMatch(/value="27640875392278831"\s+checked/);
    expect(page).toMatch(/value="17841405793187218"\s*\/>/);
    expect(page).toContain('instagram_business_manage_comments');
    expect(page).not.toMatch(/<script|\son[a-z]+=/i);
  });

  it('should carry the original parameters as hidden inputs, escaped', async () => {
    const response = await getAuthorize({ state: '"><script>alert(1)</script>' });
    const page = await response.text();

    expect(page).toContain(
      '<input type="hidden" name="state" value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" />',
    );
    expect(page).toContain(`<input type="hidden" name="redirect_uri" value="${REDIRECT_URI}" />`);
    expect(page).not.toContain('<script>');
  });

  it.each([
    ['an unknown client_id', { client_id: '123' }, 'Invalid platform app'],
    ['a missing client_id', { client_id: undefined }, 'Invalid platform app'],
    [
      'an unregistered redirect_uri',
      { redirect_uri: 'https://evil.example/' },
      'Invalid redirect_uri',
    ],
    [
      'a redirect_uri without its trailing slash',
      { redirect_uri: REDIRECT_URI.replace(/\/$/, '') },
      'Invalid redirect_uri',
    ],
    ['response_type=token', { response_type: 'token' }, 'Invalid response_type'],
    ['a missing scope', { scope: undefined }, 'Invalid scope: []'],
    [
      'an unknown scope',
      { scope: 'instagram_business_basic,user_media' },
      'Invalid scope: [user_media]',
    ],
    ['a retired business_* scope', { scope: 'business_basic' }, 'Invalid scope: [business_basic]'],
  ])('should answer %s with an error page and no redirect', async (_case, overrides, detail) => {
    const response = await getAuthorize(overrides);
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('Location')).toBeNull();
    expect(page).toContain(`Invalid Request: Request parameters are invalid: ${detail}`);
  });

  it('should accept space-separated scopes and ignore extra parameters', async () => {
    const response = await getAuthorize({
      scope: 'instagram_business_basic instagram_business_content_publish',
      force_reauth: 'true',
      enable_fb_login: '0',
      logger_id: 'f3a9c2e5',
    });

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('instagram_business_content_publish');
  });

  it('should redirect at once with a code when consent mode is allow', async () => {
    await sandbox.control.setConsent('allow');

    const response = await getAuthorize();
    const location = response.headers.get('Location') ?? '';

    expect(response.status).toBe(302);
    expect(location).toMatch(
      /^https:\/\/blocadghaajijcfckkjphjkhmmlcniff\.chromiumapp\.org\/\?code=AQ[A-Za-z0-9]+&state=state-123#_$/,
    );
  });

  it('should redirect at once with access_denied when consent mode is deny', async () => {
    await sandbox.control.setConsent('deny');

    const response = await getAuthorize();

    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe(
      `${REDIRECT_URI}?error=access_denied&error_reason=user_denied&error_description=The+user+denied+your+request&state=state-123`,
    );
  });

  it('should follow a redirect URI list changed through the config', async () => {
    const expected = 'https://abcdefabcdefabcdefabcdefabcdefab.extensions.allizom.org/';
    await sandbox.control.configure({ redirectUris: [...SANDBOX_REDIRECT_URIS, expected] });

    const accepted = await getAuthorize({ redirect_uri: expected });

    expect(accepted.status).toBe(200);
  });

  it('should complete a login with a Firefox redirect URI once it is registered', async () => {
    const firefox = 'https://0123456789abcdef0123456789abcdef01234567.extensions.allizom.org/';
    await sandbox.control.configure({ redirectUris: [firefox] });

    const code = await obtainCode(sandbox, { redirect_uri: firefox });
    const exchanged = await exchangeCode(sandbox, code, { redirect_uri: firefox });
    const chrome = await getAuthorize();

    expect(exchanged.status).toBe(200);
    expect(chrome.status).toBe(200);
    expect(await chrome.text()).toContain('Invalid redirect_uri');
  });
});

describe('POST /oauth/authorize', () => {
  it('should redirect Allow to redirect_uri?code=…&state=…#_ exactly', async () => {
    const response = await postConsent({
      ...authorizeParams({ state: 'a b&c' }),
      decision: 'allow',
      user_id: '27640875392278831',
    });
    const location = response.headers.get('Location') ?? '';
    const code = new URL(location).searchParams.get('code') ?? '';

    expect(response.status).toBe(302);
    expect(code).toMatch(/^AQ[A-Za-z0-9]{150}$/);
    expect(location).toBe(`${REDIRECT_URI}?code=${code}&state=a+b%26c#_`);
  });

  it('should leave state out of the redirect when none was given', async () => {
    const response = await postConsent({
      ...authorizeParams({ state: undefined }),
      decision: 'allow',
      user_id: '17841405793187218',
    });

    expect(response.headers.get('Location')).toMatch(/^https:\/\/[^?]+\/\?code=AQ[A-Za-z0-9]+#_$/);
  });

  it('should redirect Deny to access_denied with the state', async () => {
    const response = await postConsent({ ...authorizeParams(), decision: 'deny' });

    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe(
      `${REDIRECT_URI}?error=access_denied&error_reason=user_denied&error_description=The+user+denied+your+request&state=state-123`,
    );
  });

  it('should re-validate the parameters and answer a forged form with an error page', async () => {
    const response = await postConsent({
      ...authorizeParams({ redirect_uri: 'https://evil.example/' }),
      decision: 'allow',
      user_id: '27640875392278831',
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('Location')).toBeNull();
    expect(await response.text()).toContain('Invalid redirect_uri');
  });

  it('should refuse Allow for a user that is not seeded', async () => {
    const response = await postConsent({ ...authorizeParams(), decision: 'allow', user_id: '1' });

    expect(response.status).toBe(200);
    expect(response.headers.get('Location')).toBeNull();
  });
});

describe('GET /avatars/<username>.svg', () => {
  it('should serve an SVG for each seeded user and 404 otherwise', async () => {
    const found = await fetch(sandbox.at('/avatars/sandbox.creator.svg'));
    const missing = await fetch(sandbox.at('/avatars/someone.svg'));

    expect(found.status).toBe(200);
    expect(found.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(await found.text()).toMatch(/^<svg\s[^>]*>.*<\/svg>$/s);
    expect(missing.status).toBe(404);
  });
});
