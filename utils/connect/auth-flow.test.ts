import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { STATE_TTL_MS, beginFlow, pkceChallenge, takeFlow } from './pending-flows';
import { buildAuthorizeUrl } from './authorize-url';
import { checkRedirect } from './check-redirect';
import { launchFailure } from './launch-failure';

const REDIRECT = 'https://blocadghaajijcfckkjphjkhmmlcniff.chromiumapp.org/';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});

describe('login state', () => {
  it('should be at least 128 random bits, different every time, kept only in storage.session', async () => {
    const first = await beginFlow('default', REDIRECT);
    const second = await beginFlow('default', REDIRECT);

    expect(first.state).toMatch(/^[\w-]{43}$/);
    expect(first.state).not.toBe(second.state);
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain(first.state);
    expect(JSON.stringify(await browser.storage.session.get(null))).toContain(first.state);
  });

  it('should be taken once, whatever the outcome', async () => {
    const { state } = await beginFlow('default', REDIRECT);

    await expect(takeFlow(state)).resolves.toMatchObject({
      profileId: 'default',
      redirectUri: REDIRECT,
    });
    await expect(takeFlow(state)).resolves.toBeUndefined();
    expect(JSON.stringify(await browser.storage.session.get(null))).not.toContain(state);
  });

  it('should leave the other pending logins alone when one is taken', async () => {
    const first = await beginFlow('default', REDIRECT);
    const second = await beginFlow('default', REDIRECT);

    await takeFlow(first.state);

    await expect(takeFlow(second.state)).resolves.toMatchObject({ profileId: 'default' });
  });

  it('should forget a state older than 10 minutes', async () => {
    const { state } = await beginFlow('default', REDIRECT);

    vi.setSystemTime(Date.now() + STATE_TTL_MS);

    await expect(takeFlow(state)).resolves.toBeUndefined();
  });

  it('should derive the RFC 7636 S256 challenge', async () => {
    // The example of RFC 7636 appendix B.
    await expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });
});

describe('buildAuthorizeUrl', () => {
  it('should ask for a code with exactly the configured host, client, scopes, state and PKCE', () => {
    const url = new URL(
      buildAuthorizeUrl({
        flavor: 'instagram',
        authorizeUrl: 'https://www.instagram.com/oauth/authorize',
        clientId: '990001234567890',
        redirectUri: REDIRECT,
        scopes: ['instagram_business_basic'],
        state: 'abc',
        codeChallenge: 'xyz',
      }),
    );

    expect(url.origin + url.pathname).toBe('https://www.instagram.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: '990001234567890',
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'instagram_business_basic',
      state: 'abc',
      code_challenge: 'xyz',
      code_challenge_method: 'S256',
      force_reauth: 'true',
    });
  });
});

describe('checkRedirect', () => {
  const OWN = { redirectUri: REDIRECT, state: 's1' };

  it('should return the code without the #_ Instagram appends to the redirect', () => {
    expect(checkRedirect(`${REDIRECT}?code=AQBx-1_2&state=s1#_`, OWN)).toBe('AQBx-1_2');
  });

  it.each([
    ['another origin', 'https://attacker.chromiumapp.org/?code=c&state=s1'],
    ['another path on the right origin', `${REDIRECT}callback?code=c&state=s1`],
    ['plain http', REDIRECT.replace('https', 'http') + '?code=c&state=s1'],
    ['not a URL', 'nonsense'],
  ])('should refuse a redirect to %s', (_name, url) => {
    expect(() => checkRedirect(url, OWN)).toThrow(
      expect.objectContaining({ code: 'redirect_mismatch' }),
    );
  });

  it.each([
    ['no state', `${REDIRECT}?code=c`],
    ["another login's state", `${REDIRECT}?code=c&state=s2`],
    ['a denial with another state', `${REDIRECT}?error=access_denied&state=s2`],
    ['a missing code with another state', `${REDIRECT}?state=s2`],
  ])('should check the state first, and refuse %s', (_name, url) => {
    expect(() => checkRedirect(url, OWN)).toThrow(
      expect.objectContaining({ code: 'state_invalid' }),
    );
  });

  it('should refuse every redirect once the flow has expired', () => {
    expect(() =>
      checkRedirect(`${REDIRECT}?code=c&state=s1`, { redirectUri: REDIRECT, state: undefined }),
    ).toThrow(expect.objectContaining({ code: 'state_invalid' }));
  });

  it('should turn a denial into "You declined access on Instagram"', () => {
    const url = `${REDIRECT}?error=access_denied&error_reason=user_denied&error_description=The+user+denied+your+request&state=s1`;

    expect(() => checkRedirect(url, OWN)).toThrow('You declined access on Instagram.');
  });

  it.each([
    ['no code', `${REDIRECT}?state=s1`],
    ['an empty code', `${REDIRECT}?code=&state=s1`],
    ['a code with white space', `${REDIRECT}?code=ab%20cd&state=s1`],
    ['a code with a #', `${REDIRECT}?code=ab%23cd&state=s1`],
    ['another OAuth error', `${REDIRECT}?error=server_error&state=s1`],
  ])('should refuse %s', (_name, url) => {
    expect(() => checkRedirect(url, OWN)).toThrow(expect.objectContaining({ code: 'auth_failed' }));
  });
});

describe('launchFailure', () => {
  it.each([
    ['The user did not approve access.', 'auth_cancelled'],
    ['User cancelled or denied access.', 'auth_cancelled'],
    ['Authorization page could not be loaded.', 'authorize_unreachable'],
    ['Identity API is disabled in incognito windows.', 'incognito_unsupported'],
    ['Only one web auth flow is allowed at a time.', 'connect_in_progress'],
    ['Something else entirely.', 'auth_failed'],
  ])('should read "%s" as %s', (message, code) => {
    expect(launchFailure(new Error(message)).code).toBe(code);
  });
});
