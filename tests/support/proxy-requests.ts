/** Small helpers to call the proxy app in-process and read its answers through the contract. */
import {
  EXCHANGE_PATH,
  ProxyErrorBodySchema,
  SETUP_CHECK_PATH,
  type ProxyErrorBody,
} from '../../shared/exchange-contract';
import { createProxyApp, type ProxyApp, type ProxyDeps } from '../../proxy/app';
import type { ConfigEnv } from '../../proxy/config';
import { fakeInstagram, type FakeHandler } from './fake-instagram';
import { TEST_CLIENT_ID, TEST_REDIRECT_URI, testConfig } from './proxy-test-config';

/** Fixed clock of {@link proxyWithFakeInstagram}. */
export const TEST_NOW = new Date('2026-03-01T12:00:00.000Z');

/**
 * The proxy app in front of a fake Instagram, with a fixed clock, a silent log, jitter fixed at
 * its middle (so pauses are exactly 250, 500, 1000… ms) and retry pauses recorded, not waited.
 */
export function proxyWithFakeInstagram(
  handlers: { code?: FakeHandler; longLived?: FakeHandler } = {},
  env: ConfigEnv = {},
  deps: ProxyDeps = {},
) {
  const instagram = fakeInstagram(handlers);
  const pauses: number[] = [];
  const lines: string[] = [];
  const app = createProxyApp(testConfig(env), {
    fetch: instagram.fetch,
    log: (line) => lines.push(line),
    now: () => TEST_NOW,
    random: () => 0.5,
    sleep: (ms) => {
      pauses.push(ms);
      return Promise.resolve();
    },
    ...deps,
  });
  return { app, instagram, pauses, lines };
}

/** A valid exchange request body for the test app. */
export function exchangeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { code: 'AQBx-test_code.123#_', redirect_uri: TEST_REDIRECT_URI, ...overrides };
}

/** A valid setup check request body for the test app. */
export function setupCheckBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { client_id: TEST_CLIENT_ID, redirect_uri: TEST_REDIRECT_URI, ...overrides };
}

/** POSTs `body` (JSON-encoded unless already a string) to the exchange endpoint. */
export function postExchange(
  app: ProxyApp,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return postJson(app, EXCHANGE_PATH, body, headers);
}

/** POSTs `body` (JSON-encoded unless already a string) to the setup check endpoint. */
export function postSetupCheck(
  app: ProxyApp,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return postJson(app, SETUP_CHECK_PATH, body, headers);
}

function postJson(
  app: ProxyApp,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

/** Parses an error answer with the shared schema, failing the test if it is not one. */
export async function readError(response: Response): Promise<ProxyErrorBody['error']> {
  return ProxyErrorBodySchema.parse(await response.json()).error;
}
