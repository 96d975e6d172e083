import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { STATE_TTL_MS, beginFlow, consumeFlow, pkceChallenge } from './pending-flows';
import { buildAuthorizeUrl } from './authorize-url';
import { parseAuthRedirect } from './check-redirect';
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

  it('should be accepted once', async () => {
    const { state } = await beginFlow('default', REDIRECT);

    await expect(consumeFlow(state)).resolves.toMatchObject({
      profileId: 'default',
      redirectUri: REDIRECT,
    });
    await expect(consumeFlow(state)).rejects.toMatchObject({ code: 'state_invalid' });
  });

  it.each([
    ['missing', undefined],
    ['unknown', 'c29tZSBvdGhlciBzdGF0ZSB0aGF0IHdhcyBuZXZlciBpc3N1ZWQ'],
  ])('should refuse a %s state', async (_name, state) => {
    await beginFlow('default', REDIRECT);

    await expect(consumeFlow(state)).rejects.toMatchObject({ code: 'state_invalid' });
  });

  it('should refuse a state older than 10 minutes', async () => {
    const { state } = await beginFlow('default', REDIRECT);

    vi.setSystemTime(Date.now() + STATE_TTL_MS);

    await expect(consumeFlow(state)).rejects.toMatchObject({ code: 'state_invalid' });
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
    });
  });
});

describe('parseAuthRedirect', () => {
  it('should strip the #_ Instagram appends to the redirect', () => {
    expect(parseAuthRedirect(`${REDIRECT}?code=AQBx-1_2&state=s1#_`, REDIRECT)).toEqual({
      code: 'AQBx-1_2',
      state: 's1',
    });
  });

  it.each([
    ['another origin', 'https://attacker.chromiumapp.org/?code=c&state=s'],
    ['another path on the right origin', `${REDIRECT}callback?code=c&state=s`],
    ['plain http', REDIRECT.replace('https', 'http') + '?code=c&state=s'],
    ['not a URL', 'nonsense'],
  ])('should refuse a redirect to %s', (_name, url) => {
    expect(() => parseAuthRedirect(url, REDIRECT)).toThrow(
      expect.objectContaining({ code: 'redirect_mismatch' }),
    );
  });

  it('should turn a denial into "You declined access on Instagram"', () => {
    const url = `${REDIRECT}?error=access_denied&error_reason=user_denied&error_description=The+user+denied+your+request&state=s`;

    expect(() => parseAuthRedirect(url, REDIRECT)).toThrow('You declined access on Instagram.');
  });

  it.each([
    ['no code', `${REDIRECT}?state=s`],
    ['an empty code', `${REDIRECT}?code=&state=s`],
    ['a code with white space', `${REDIRECT}?code=ab%20cd&state=s`],
    ['a code with a #', `${REDIRECT}?code=ab%23cd&state=s`],
    ['another OAuth error', `${REDIRECT}?error=server_error&state=s`],
  ])('should refuse %s', (_name, url) => {
    expect(() => parseAuthRedirect(url, REDIRECT)).toThrow(
      expect.objectContaining({ code: 'auth_failed' }),
    );
  });
});

describe('launchFailure', () => {
  it.each([
    ['The user did not approve access.', 'auth_cancelled'],
    ['User cancelled or denied access.', 'auth_cancelled'],
    ['Authorization page could not be loaded.', 'authorize_unreachable'],
    ['Identity API is disabled in incognito windows.', 'incognito_unsupported'],
    ['Something else entirely.', 'auth_failed'],
  ])('should read "%s" as %s', (message, code) => {
    expect(launchFailure(new Error(message)).code).toBe(code);
  });
});
