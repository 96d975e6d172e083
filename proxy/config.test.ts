import { describe, expect, it } from 'vitest';
import { loadConfig, type ConfigEnv } from './config';
import { ConfigError } from './errors';
import {
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  TEST_ORIGIN,
  TEST_REDIRECT_URI,
} from '../tests/support/proxy-test-config';

const VALID_ENV: ConfigEnv = {
  IG_CLIENT_ID: TEST_CLIENT_ID,
  IG_CLIENT_SECRET: TEST_CLIENT_SECRET,
  IG_REDIRECT_URIS: TEST_REDIRECT_URI,
  PROXY_ALLOWED_ORIGINS: TEST_ORIGIN,
};

function configErrorOf(env: ConfigEnv, readFile?: (path: string) => string): ConfigError {
  try {
    loadConfig(env, { readFile });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the configuration');
}

describe('loadConfig (environment)', () => {
  it('should apply the documented defaults', () => {
    const actual = loadConfig(VALID_ENV);

    expect(actual).toEqual({
      host: '127.0.0.1',
      port: 8787,
      apps: [
        {
          flavor: 'instagram',
          clientId: TEST_CLIENT_ID,
          clientSecret: TEST_CLIENT_SECRET,
          redirectUris: [TEST_REDIRECT_URI],
        },
      ],
      allowedOrigins: [TEST_ORIGIN],
      oauthBase: 'https://api.instagram.com',
      graphBase: 'https://graph.instagram.com',
      fbGraphBase: 'https://graph.facebook.com',
      fbGraphVersion: 'v25.0',
      rateLimitPerMinute: 30,
      upstreamTimeoutMs: 10000,
      maxConnections: 512,
    });
  });

  it('should read every variable, split the lists and drop a trailing slash of the bases', () => {
    const firefoxRedirect = 'http://127.0.0.1/mozoauth2/0123456789abcdef';

    const actual = loadConfig({
      ...VALID_ENV,
      PROXY_HOST: '0.0.0.0',
      PROXY_PORT: '0',
      IG_REDIRECT_URIS: ` ${TEST_REDIRECT_URI} , ${firefoxRedirect},`,
      PROXY_ALLOWED_ORIGINS: `${TEST_ORIGIN}, moz-extension://*`,
      IG_OAUTH_BASE: 'http://127.0.0.1:8788/',
      IG_GRAPH_BASE: 'http://127.0.0.1:8788',
      PROXY_RATE_LIMIT: '5',
      PROXY_UPSTREAM_TIMEOUT_MS: '300',
      PROXY_MAX_CONNECTIONS: '64',
    });

    expect(actual).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      apps: [{ redirectUris: [TEST_REDIRECT_URI, firefoxRedirect] }],
      allowedOrigins: [TEST_ORIGIN, 'moz-extension://*'],
      oauthBase: 'http://127.0.0.1:8788',
      graphBase: 'http://127.0.0.1:8788',
      rateLimitPerMinute: 5,
      upstreamTimeoutMs: 300,
      maxConnections: 64,
    });
  });

  it('should trim a stray \\r from a secret copied from a Windows file', () => {
    const actual = loadConfig({ ...VALID_ENV, IG_CLIENT_SECRET: `${TEST_CLIENT_SECRET}\r` });

    expect(actual.apps[0]?.clientSecret).toBe(TEST_CLIENT_SECRET);
  });

  it.each([
    ['IG_CLIENT_SECRET', { IG_CLIENT_SECRET: undefined }],
    ['IG_CLIENT_SECRET', { IG_CLIENT_SECRET: '   ' }],
    ['IG_CLIENT_SECRET', { IG_CLIENT_SECRET: `${TEST_CLIENT_SECRET} extra` }],
    ['IG_CLIENT_ID', { IG_CLIENT_ID: undefined }],
    ['IG_CLIENT_ID', { IG_CLIENT_ID: 'my-app' }],
    ['IG_REDIRECT_URIS', { IG_REDIRECT_URIS: undefined }],
    ['IG_REDIRECT_URIS', { IG_REDIRECT_URIS: ' , ' }],
    ['IG_REDIRECT_URIS', { IG_REDIRECT_URIS: 'not a url' }],
    ['IG_REDIRECT_URIS', { IG_REDIRECT_URIS: 'http://example.com/callback' }],
    ['IG_REDIRECT_URIS', { IG_REDIRECT_URIS: `${TEST_REDIRECT_URI}#_` }],
    ['PROXY_ALLOWED_ORIGINS', { PROXY_ALLOWED_ORIGINS: undefined }],
    ['PROXY_ALLOWED_ORIGINS', { PROXY_ALLOWED_ORIGINS: '*' }],
    ['PROXY_ALLOWED_ORIGINS', { PROXY_ALLOWED_ORIGINS: 'https://example.com' }],
    ['PROXY_ALLOWED_ORIGINS', { PROXY_ALLOWED_ORIGINS: `${TEST_ORIGIN}/` }],
    ['IG_OAUTH_BASE', { IG_OAUTH_BASE: 'api.instagram.com' }],
    ['IG_OAUTH_BASE', { IG_OAUTH_BASE: 'ftp://api.instagram.com' }],
    ['IG_GRAPH_BASE', { IG_GRAPH_BASE: 'https://graph.instagram.com/?x=1' }],
    ['IG_GRAPH_BASE', { IG_GRAPH_BASE: 'https://user:pw@graph.instagram.com' }],
    ['PROXY_PORT', { PROXY_PORT: '70000' }],
    ['PROXY_PORT', { PROXY_PORT: 'eighty' }],
    ['PROXY_HOST', { PROXY_HOST: 'local host' }],
    ['PROXY_RATE_LIMIT', { PROXY_RATE_LIMIT: '0' }],
    ['PROXY_RATE_LIMIT', { PROXY_RATE_LIMIT: '-5' }],
    ['PROXY_UPSTREAM_TIMEOUT_MS', { PROXY_UPSTREAM_TIMEOUT_MS: '1.5' }],
    ['PROXY_UPSTREAM_TIMEOUT_MS', { PROXY_UPSTREAM_TIMEOUT_MS: '999999' }],
    ['PROXY_UPSTREAM_TIMEOUT_MS', { PROXY_UPSTREAM_TIMEOUT_MS: '12501' }],
    ['PROXY_UPSTREAM_TIMEOUT_MS', { PROXY_UPSTREAM_TIMEOUT_MS: '0' }],
    ['PROXY_MAX_CONNECTIONS', { PROXY_MAX_CONNECTIONS: '0' }],
    ['PROXY_MAX_CONNECTIONS', { PROXY_MAX_CONNECTIONS: 'many' }],
    ['PROXY_MAX_CONNECTIONS', { PROXY_MAX_CONNECTIONS: '100001' }],
  ])('should stop with one line naming %s (%j)', (variable, overrides) => {
    const actual = configErrorOf({ ...VALID_ENV, ...overrides });

    expect(actual.variable).toBe(variable);
    expect(actual.message).toContain(variable);
    expect(actual.message).not.toContain('\n');
    expect(actual.message).not.toContain(TEST_CLIENT_SECRET);
  });

  it('should say which list entry is wrong', () => {
    const actual = configErrorOf({
      ...VALID_ENV,
      PROXY_ALLOWED_ORIGINS: `${TEST_ORIGIN},https://example.com`,
    });

    expect(actual.message).toContain('PROXY_ALLOWED_ORIGINS entry 2');
  });

  it('should not echo a secret pasted into the wrong variable', () => {
    const actual = configErrorOf({ ...VALID_ENV, IG_OAUTH_BASE: TEST_CLIENT_SECRET });

    expect(actual.variable).toBe('IG_OAUTH_BASE');
    expect(actual.message).not.toContain(TEST_CLIENT_SECRET);
  });
});

describe('loadConfig (PROXY_CONFIG)', () => {
  const fileEnv: ConfigEnv = {
    PROXY_ALLOWED_ORIGINS: TEST_ORIGIN,
    PROXY_CONFIG: '/etc/proxy.json',
  };
  const twoApps = {
    apps: [
      { client_id: '1111', client_secret: 'secret-one-aaaa', redirect_uris: [TEST_REDIRECT_URI] },
      { client_id: '2222', client_secret: 'secret-two-bbbb', redirect_uris: [TEST_REDIRECT_URI] },
    ],
  };

  it('should read several apps from the file it names', () => {
    const paths: string[] = [];
    const readFile = (path: string) => {
      paths.push(path);
      return JSON.stringify(twoApps);
    };

    const actual = loadConfig(fileEnv, { readFile });

    expect(paths).toEqual(['/etc/proxy.json']);
    expect(actual.apps).toEqual([
      {
        flavor: 'instagram',
        clientId: '1111',
        clientSecret: 'secret-one-aaaa',
        redirectUris: [TEST_REDIRECT_URI],
      },
      {
        flavor: 'instagram',
        clientId: '2222',
        clientSecret: 'secret-two-bbbb',
        redirectUris: [TEST_REDIRECT_URI],
      },
    ]);
  });

  it('should accept the JSON document itself, which is what a Worker can use', () => {
    const actual = loadConfig({ ...fileEnv, PROXY_CONFIG: JSON.stringify(twoApps) });

    expect(actual.apps.map((app) => app.clientId)).toEqual(['1111', '2222']);
  });

  it('should refuse a file path where no file system is available', () => {
    const actual = configErrorOf(fileEnv);

    expect(actual.variable).toBe('PROXY_CONFIG');
  });

  it.each([
    [
      'a missing secret',
      { apps: [{ client_id: '1', redirect_uris: [TEST_REDIRECT_URI] }] },
      'apps[0].client_secret',
    ],
    ['no apps', { apps: [] }, 'apps'],
    [
      'an empty redirect list',
      { apps: [{ client_id: '1', client_secret: 's', redirect_uris: [] }] },
      'apps[0].redirect_uris',
    ],
    [
      'a bad redirect URI',
      { apps: [{ client_id: '1', client_secret: 's', redirect_uris: ['x'] }] },
      'apps[0].redirect_uris[0]',
    ],
    ['an unknown key', { apps: [], origins: [] }, 'PROXY_CONFIG'],
    ['a duplicate client_id', { apps: [twoApps.apps[0], twoApps.apps[0]] }, 'twice'],
  ])('should name the faulty entry for %s', (_case, document, expected) => {
    const actual = configErrorOf(fileEnv, () => JSON.stringify(document));

    expect(actual.variable).toBe('PROXY_CONFIG');
    expect(actual.message).toContain(expected);
    expect(actual.message).not.toContain('secret-one-aaaa');
  });

  it('should not quote the file when it is not valid JSON', () => {
    const actual = configErrorOf(fileEnv, () => '{"apps":[{"client_secret":"secret-one-aaaa",');

    expect(actual.message).toBe('Invalid configuration: PROXY_CONFIG is not valid JSON.');
  });

  it('should say when the file cannot be read', () => {
    const actual = configErrorOf(fileEnv, () => {
      throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    });

    expect(actual.message).toContain('PROXY_CONFIG');
    expect(actual.message).toContain('ENOENT');
  });

  it('should refuse PROXY_CONFIG together with the single-app variables', () => {
    const actual = configErrorOf({ ...VALID_ENV, PROXY_CONFIG: JSON.stringify(twoApps) });

    expect(actual.variable).toBe('PROXY_CONFIG');
    expect(actual.message).toContain('IG_CLIENT_ID');
    expect(actual.message).not.toContain(TEST_CLIENT_SECRET);
  });
});
