import { describe, expect, it } from 'vitest';
import { loadConfig, type ConfigEnv } from './config';
import { describeApps } from './describe-apps';
import { ConfigError } from './errors';
import { TEST_ORIGIN, TEST_REDIRECT_URI, testEnv } from '../tests/support/proxy-test-config';

const FB = { FB_APP_ID: '480001234567890', FB_APP_SECRET: 'fb-test-secret-9c1d7e0a5b' };
const NO_IG: ConfigEnv = { IG_CLIENT_ID: undefined, IG_CLIENT_SECRET: undefined };

function configError(env: ConfigEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('Expected a ConfigError');
}

describe('loadConfig (Facebook Login apps)', () => {
  it('should read a Facebook app alone from FB_*, its redirect URIs defaulting to IG_REDIRECT_URIS', () => {
    const actual = loadConfig(testEnv({ ...NO_IG, ...FB }));

    expect(actual.apps).toEqual([
      {
        flavor: 'facebook',
        clientId: FB.FB_APP_ID,
        clientSecret: FB.FB_APP_SECRET,
        redirectUris: [TEST_REDIRECT_URI],
      },
    ]);
    expect([actual.fbGraphBase, actual.fbGraphVersion]).toEqual([
      'https://graph.facebook.com',
      'v25.0',
    ]);
  });

  it('should read both apps, FB_REDIRECT_URIS and the Graph base and version', () => {
    const other = 'https://other.example/';
    const actual = loadConfig(
      testEnv({
        ...FB,
        FB_REDIRECT_URIS: other,
        FB_GRAPH_BASE: 'http://127.0.0.1:9/facebook/',
        FB_GRAPH_VERSION: 'v3.2',
      }),
    );

    expect(actual.apps.map((app) => [app.flavor, app.redirectUris])).toEqual([
      ['instagram', [TEST_REDIRECT_URI]],
      ['facebook', [other]],
    ]);
    expect([actual.fbGraphBase, actual.fbGraphVersion]).toEqual([
      'http://127.0.0.1:9/facebook',
      'v3.2',
    ]);
    expect(describeApps(actual)).toContain(
      '1 Instagram app(s); upstream https://oauth.fake.test and https://graph.fake.test; 1 Facebook Login app(s); upstream http://127.0.0.1:9/facebook/v3.2',
    );
  });

  it('should keep an Instagram app alone as before', () => {
    expect(loadConfig(testEnv()).apps.map((app) => app.flavor)).toEqual(['instagram']);
  });

  it.each([
    ['FB_APP_SECRET', { FB_APP_ID: FB.FB_APP_ID }],
    ['FB_APP_ID', { FB_APP_SECRET: FB.FB_APP_SECRET }],
    ['FB_APP_ID', { ...FB, FB_APP_ID: 'my-app' }],
    ['FB_GRAPH_VERSION', { ...FB, FB_GRAPH_VERSION: '25.0' }],
    ['FB_GRAPH_VERSION', { ...FB, FB_GRAPH_VERSION: 'v25' }],
    ['FB_GRAPH_BASE', { ...FB, FB_GRAPH_BASE: 'ftp://graph.facebook.com' }],
    ['FB_REDIRECT_URIS', { ...NO_IG, ...FB, IG_REDIRECT_URIS: undefined }],
    ['IG_CLIENT_SECRET', { ...FB, IG_CLIENT_SECRET: undefined }],
    ['FB_APP_ID', { ...FB, FB_APP_ID: '990001234567890' }],
  ] as const)('should stop with one line naming %s', (variable, env) => {
    const actual = configError(testEnv(env));

    expect(actual.variable).toBe(variable);
    expect(actual.message).toMatch(new RegExp(`^Invalid configuration: ${variable}\\b[^\\n]*\\.$`));
    expect(actual.message).not.toContain(FB.FB_APP_SECRET);
  });

  it('should read the flavor of each PROXY_CONFIG app (instagram by default)', () => {
    const apps = [
      { client_id: '1111', client_secret: 'secret-one-aaaa', redirect_uris: [TEST_REDIRECT_URI] },
      {
        flavor: 'facebook',
        client_id: '2222',
        client_secret: 'secret-two-bbbb',
        redirect_uris: [TEST_REDIRECT_URI],
      },
    ];

    const actual = loadConfig({
      PROXY_CONFIG: JSON.stringify({ apps }),
      PROXY_ALLOWED_ORIGINS: TEST_ORIGIN,
    });

    expect(actual.apps.map((app) => [app.clientId, app.flavor])).toEqual([
      ['1111', 'instagram'],
      ['2222', 'facebook'],
    ]);
  });

  it('should refuse PROXY_CONFIG together with FB_APP_ID, and an unknown flavor', () => {
    const file = JSON.stringify({
      apps: [
        {
          flavor: 'threads',
          client_id: '1',
          client_secret: 's',
          redirect_uris: [TEST_REDIRECT_URI],
        },
      ],
    });

    const both = configError({
      PROXY_CONFIG: '{"apps":[]}',
      ...FB,
      PROXY_ALLOWED_ORIGINS: TEST_ORIGIN,
    });
    const flavor = configError({ PROXY_CONFIG: file, PROXY_ALLOWED_ORIGINS: TEST_ORIGIN });

    expect(both.message).toContain('PROXY_CONFIG and FB_APP_ID are both set');
    expect(flavor.message).toBe(
      'Invalid configuration: PROXY_CONFIG apps[0].flavor must be "instagram" or "facebook".',
    );
  });
});
