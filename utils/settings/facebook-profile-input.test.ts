import { describe, expect, it } from 'vitest';
import { BUILD_DEFAULTS, FACEBOOK_DEFAULTS } from './build-defaults';
import { createDefaultSettings, type AppProfile } from './settings';
import { AppProfileInputSchema, fieldErrors } from './settings-input';
import { switchFlavor } from './switch-flavor';

const FACEBOOK_PROFILE: AppProfile = {
  id: 'facebook',
  name: 'Facebook app',
  flavor: 'facebook',
  clientId: '480001234567890',
  scopes: ['instagram_basic', 'pages_show_list'],
  proxyUrl: 'https://proxy.example.com',
  authorizeUrl: 'https://www.facebook.com',
  graphUrl: 'https://graph.facebook.com',
  graphVersion: 'v25.0',
};

const INSTAGRAM_PROFILE: AppProfile = {
  ...FACEBOOK_PROFILE,
  id: 'default',
  flavor: 'instagram',
  clientId: '990001234567890',
  scopes: ['instagram_business_basic'],
  authorizeUrl: 'https://www.instagram.com/oauth/authorize',
  graphUrl: 'https://graph.instagram.com',
};

function errorsFor(
  base: AppProfile,
  overrides: Record<string, unknown> = {},
): Record<string, string> {
  const parsed = AppProfileInputSchema.safeParse({ ...base, ...overrides });
  return parsed.success ? {} : fieldErrors(parsed.error);
}

const REQUIRED =
  'instagram_basic and pages_show_list are required: the Instagram accounts are found through your Pages.';

describe('a Facebook Login profile', () => {
  it('should be accepted with the least-privilege permissions, or with more', () => {
    expect(errorsFor(FACEBOOK_PROFILE)).toEqual({});
    expect(
      errorsFor(FACEBOOK_PROFILE, {
        scopes: ['instagram_basic', 'instagram_manage_insights', 'pages_show_list'],
      }),
    ).toEqual({});
  });

  it.each([
    ['pages_show_list', ['instagram_basic']],
    ['instagram_basic', ['pages_show_list', 'instagram_manage_comments']],
    ['both', []],
  ])('should require instagram_basic and pages_show_list (without %s)', (_name, scopes) => {
    expect(errorsFor(FACEBOOK_PROFILE, { scopes })).toEqual({ scopes: REQUIRED });
  });

  it.each(['instagram_business_basic', 'instagram_business_manage_comments', 'business_basic'])(
    'should refuse the Instagram Login scope %s',
    (scope) => {
      expect(
        errorsFor(FACEBOOK_PROFILE, { scopes: ['instagram_basic', 'pages_show_list', scope] }),
      ).toEqual({ scopes: `"${scope}" is not a Facebook Login permission.` });
    },
  );

  it('should drop nothing it accepted and keep the version', () => {
    const parsed = AppProfileInputSchema.parse({ ...FACEBOOK_PROFILE, graphVersion: 'v3.2' });

    expect(parsed).toEqual({ ...FACEBOOK_PROFILE, graphVersion: 'v3.2' });
  });

  it.each(['25.0', 'v25', 'V25.0', 'v25.0.1', 'latest', '', ' v25.0', 'v1234.0'])(
    'should refuse the Graph API version %j',
    (graphVersion) => {
      expect(errorsFor(FACEBOOK_PROFILE, { graphVersion })).toEqual({
        graphVersion: 'Write the Graph API version like v25.0.',
      });
    },
  );

  it('should refuse a login that is neither Instagram nor Facebook', () => {
    expect(errorsFor(FACEBOOK_PROFILE, { flavor: 'threads' })).toMatchObject({
      flavor: 'Choose Instagram Login or Facebook Login.',
    });
  });
});

describe('an Instagram Login profile', () => {
  it.each(['instagram_basic', 'pages_show_list', 'business_management'])(
    'should refuse the Facebook Login permission %s',
    (scope) => {
      expect(errorsFor(INSTAGRAM_PROFILE, { scopes: ['instagram_business_basic', scope] })).toEqual(
        { scopes: `"${scope}" is not an Instagram Login scope.` },
      );
    },
  );

  it('should not be satisfied by the Facebook permissions alone', () => {
    expect(
      errorsFor(INSTAGRAM_PROFILE, { scopes: ['instagram_basic', 'pages_show_list'] }).scopes,
    ).toBe('"instagram_basic" is not an Instagram Login scope.');
  });
});

describe('switching a profile between the two logins', () => {
  const instagram = createDefaultSettings().profiles[0]!;

  it('should move to Facebook Login with least privilege and its default hosts', () => {
    const switched = switchFlavor(instagram, 'facebook');

    expect(switched).toMatchObject({
      flavor: 'facebook',
      scopes: ['instagram_basic', 'pages_show_list'],
      authorizeUrl: FACEBOOK_DEFAULTS.authorizeUrl,
      graphUrl: FACEBOOK_DEFAULTS.graphUrl,
      graphVersion: 'v25.0',
      clientId: instagram.clientId,
      proxyUrl: instagram.proxyUrl,
    });
    expect(
      errorsFor(switched, { clientId: '480001234567890', proxyUrl: 'https://p.example' }),
    ).toEqual({});
  });

  it('should keep hosts the user changed, and come back to the Instagram defaults', () => {
    const custom = { ...instagram, graphUrl: 'http://127.0.0.1:8788' };

    const there = switchFlavor(custom, 'facebook');
    const back = switchFlavor(there, 'instagram');

    expect(there).toMatchObject({
      graphUrl: 'http://127.0.0.1:8788',
      authorizeUrl: FACEBOOK_DEFAULTS.authorizeUrl,
    });
    expect(back).toMatchObject({
      flavor: 'instagram',
      scopes: ['instagram_business_basic'],
      authorizeUrl: BUILD_DEFAULTS.authorizeUrl,
      graphUrl: 'http://127.0.0.1:8788',
    });
  });

  it('should leave a profile alone when its login does not change', () => {
    expect(switchFlavor(FACEBOOK_PROFILE, 'facebook')).toBe(FACEBOOK_PROFILE);
  });
});
