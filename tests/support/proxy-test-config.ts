/** A valid proxy configuration for tests, built through `loadConfig` like production's. */
import { loadConfig, type ConfigEnv, type ProxyConfig } from '../../proxy/config';

/** Instagram app id used by unit tests. */
export const TEST_CLIENT_ID = '990001234567890';
/** App secret used by unit tests; tests grep for it in logs and bodies. */
export const TEST_CLIENT_SECRET = 'test-app-secret-5d1e8a7c30b94f26';
/** The one allowed redirect URI of the test app. */
export const TEST_REDIRECT_URI = 'https://blocadghaajijcfckkjphjkhmmlcniff.chromiumapp.org/';
/** The allowed Chrome extension origin. */
export const TEST_ORIGIN = 'chrome-extension://blocadghaajijcfckkjphjkhmmlcniff';
/** Upstream bases of the fake Instagram; nothing listens there. */
export const FAKE_OAUTH_BASE = 'https://oauth.fake.test';
/** See {@link FAKE_OAUTH_BASE}. */
export const FAKE_GRAPH_BASE = 'https://graph.fake.test';

/** The environment of a single-app proxy in front of the fake Instagram. */
export function testEnv(overrides: ConfigEnv = {}): ConfigEnv {
  return {
    IG_CLIENT_ID: TEST_CLIENT_ID,
    IG_CLIENT_SECRET: TEST_CLIENT_SECRET,
    IG_REDIRECT_URIS: TEST_REDIRECT_URI,
    PROXY_ALLOWED_ORIGINS: `${TEST_ORIGIN},moz-extension://*`,
    IG_OAUTH_BASE: FAKE_OAUTH_BASE,
    IG_GRAPH_BASE: FAKE_GRAPH_BASE,
    PROXY_RATE_LIMIT: '1000',
    ...overrides,
  };
}

/** {@link testEnv} validated into a configuration. */
export function testConfig(overrides: ConfigEnv = {}): ProxyConfig {
  return loadConfig(testEnv(overrides));
}
