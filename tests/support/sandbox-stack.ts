/**
 * The proxy in front of the local Instagram sandbox, both listening on loopback, for the
 * integration, log-leak and fuzz tests. The only place in proxy/ that imports sandbox code.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createSandboxControl, type SandboxControl } from '../../sandbox/control-client';
import { createHash } from 'node:crypto';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_FB_APP_ID,
  SANDBOX_FB_APP_SECRET,
  SANDBOX_FB_USERS,
  SANDBOX_REDIRECT_URIS,
  SANDBOX_USERS,
} from '../../sandbox/defaults';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { DEBUG_PATH, EXCHANGE_PATH, SETUP_CHECK_PATH } from '../../shared/exchange-contract';
import { loadConfig, type ConfigEnv } from '../../proxy/config';
import { startProxy, type RunningProxy, type StartProxyOptions } from '../../proxy/server';
import { TEST_ORIGIN } from './proxy-test-config';

/** The sandbox types tests need, re-exported so that only this file imports sandbox/. */
export type { RunningSandbox, SandboxControl };

/** The redirect URI registered in the sandbox, which the proxy allows too. */
export const REDIRECT_URI = SANDBOX_REDIRECT_URIS[0] ?? '';
/** The sandbox's app secret, which tests look for in logs and bodies. */
export const CLIENT_SECRET = SANDBOX_CLIENT_SECRET;
/** The sandbox's app id. */
export const CLIENT_ID = SANDBOX_CLIENT_ID;
/** Account id (`/me.user_id`) of the first seeded user, who gets the code when consent is `allow`. */
export const SANDBOX_USER_ID = SANDBOX_USERS[0].user_id;
/** The same user's app-scoped id, which the code exchange names (docs/instagram-contract.md §5.3). */
export const SANDBOX_APP_SCOPED_ID = SANDBOX_USERS[0].id;

/** The sandbox's Facebook App ID. */
export const FB_APP_ID = SANDBOX_FB_APP_ID;
/** The sandbox's Facebook app secret, which tests look for in logs and bodies. */
export const FB_APP_SECRET = SANDBOX_FB_APP_SECRET;
/** The Facebook user with two Pages (one linked to `sandbox.business`), the dialog's default. */
export const SANDBOX_FB_USER_ID = SANDBOX_FB_USERS[0].id;
/** The Facebook user without any Page. */
export const SANDBOX_FB_USER_WITHOUT_PAGES_ID = SANDBOX_FB_USERS[1].id;

/** Where the sandbox serves Facebook's Graph API and dialog: `FB_GRAPH_BASE` and the dialog base. */
export function facebookBase(sandboxUrl: string): string {
  return `${sandboxUrl}/facebook`;
}

/** Starts a sandbox on a free port with its control client. */
export async function startTestSandbox(): Promise<{
  sandbox: RunningSandbox;
  control: SandboxControl;
}> {
  const sandbox = await startSandbox({ port: 0 });
  return { sandbox, control: createSandboxControl(sandbox.url) };
}

/**
 * The variables of a proxy in front of the sandbox at `sandboxUrl` (its Instagram app and, unless
 * `PROXY_CONFIG` is given, its Facebook Login app, their redirect URI, the test extension's
 * origins), whatever runtime reads them; `env` overrides any of them (`undefined` removes one).
 */
export function sandboxProxyEnv(sandboxUrl: string, env: ConfigEnv = {}): Record<string, string> {
  const facebook: ConfigEnv =
    'PROXY_CONFIG' in env
      ? {}
      : { FB_APP_ID: SANDBOX_FB_APP_ID, FB_APP_SECRET: SANDBOX_FB_APP_SECRET };
  const merged: ConfigEnv = {
    IG_CLIENT_ID: SANDBOX_CLIENT_ID,
    IG_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
    IG_REDIRECT_URIS: REDIRECT_URI,
    PROXY_ALLOWED_ORIGINS: `${TEST_ORIGIN},moz-extension://*`,
    IG_OAUTH_BASE: sandboxUrl,
    IG_GRAPH_BASE: sandboxUrl,
    FB_GRAPH_BASE: facebookBase(sandboxUrl),
    ...facebook,
    ...env,
  };
  return Object.fromEntries(
    Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Starts a proxy on a free port pointed at `sandboxUrl`; `env` overrides any variable. */
export function startProxyFor(
  sandboxUrl: string,
  env: ConfigEnv = {},
  options: StartProxyOptions = {},
): Promise<RunningProxy> {
  const config = loadConfig(sandboxProxyEnv(sandboxUrl, { PROXY_PORT: '0', ...env }));
  return startProxy(config, { log: () => undefined, ...options });
}

/** The S256 PKCE challenge of `verifier` (RFC 7636 §4.2). */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/**
 * Gets a fresh authorization code the way the extension does, with consent answered `allow`:
 * the code query parameter of the sandbox's redirect. With `codeVerifier`, the authorize request
 * carries its S256 challenge, so the exchange must present the verifier.
 */
export async function authorizationCode(
  sandboxUrl: string,
  control: SandboxControl,
  options: { codeVerifier?: string } = {},
) {
  await control.setConsent('allow');
  const query = new URLSearchParams({
    client_id: SANDBOX_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'instagram_business_basic,instagram_business_manage_comments',
    state: 'integration-state',
  });
  if (options.codeVerifier !== undefined) {
    query.set('code_challenge', s256Challenge(options.codeVerifier));
    query.set('code_challenge_method', 'S256');
  }
  const response = await fetch(`${sandboxUrl}/oauth/authorize?${query.toString()}`, {
    redirect: 'manual',
  });
  const location = response.headers.get('Location');
  const code = location === null ? null : new URL(location).searchParams.get('code');
  if (code === null) {
    throw new Error(`The sandbox did not redirect with a code (${response.status})`);
  }
  return code;
}

/**
 * Gets a fresh code from the sandbox's Facebook dialog, consent answered `allow` as `userId`
 * (the user with Pages by default): the `code` of its redirect, without the `#_=_`.
 */
export async function facebookAuthorizationCode(
  sandboxUrl: string,
  control: SandboxControl,
  options: { codeVerifier?: string; userId?: string; scope?: string } = {},
): Promise<string> {
  await control.facebook.setConsent('allow', options.userId ?? SANDBOX_FB_USER_ID);
  const query = new URLSearchParams({
    client_id: SANDBOX_FB_APP_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: options.scope ?? 'pages_show_list,instagram_basic,business_management',
    state: 'integration-state',
  });
  if (options.codeVerifier !== undefined) {
    query.set('code_challenge', s256Challenge(options.codeVerifier));
    query.set('code_challenge_method', 'S256');
  }
  const response = await fetch(
    `${facebookBase(sandboxUrl)}/v25.0/dialog/oauth?${query.toString()}`,
    { redirect: 'manual' },
  );
  const location = response.headers.get('Location');
  const code = location === null ? null : new URL(location).searchParams.get('code');
  if (code === null) {
    throw new Error(
      `The sandbox's Facebook dialog did not redirect with a code (${response.status})`,
    );
  }
  return code;
}

/** POSTs a JSON debug request to a running proxy. */
export function debugOver(
  proxyUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return postJsonOver(`${proxyUrl}${DEBUG_PATH}`, body, headers);
}

/** POSTs a JSON exchange request to a running proxy. */
export function exchangeOver(
  proxyUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return postJsonOver(`${proxyUrl}${EXCHANGE_PATH}`, body, headers);
}

/** POSTs a JSON setup check request to a running proxy. */
export function setupCheckOver(
  proxyUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return postJsonOver(`${proxyUrl}${SETUP_CHECK_PATH}`, body, headers);
}

function postJsonOver(
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A sandbox for the whole file, a proxy per test, and the hooks that stop both. */
export interface ProxyAgainstSandbox {
  readonly sandbox: RunningSandbox;
  readonly control: SandboxControl;
  /** Starts this test's proxy with `env` over the sandbox's defaults; returns its URL. */
  start(env?: ConfigEnv): Promise<string>;
}

/**
 * Registers the hooks of a proxy test file: the sandbox starts once and is reset before each
 * test, and each test's proxy is stopped after it. Call it at the top of a `describe`.
 */
export function useProxyAgainstSandbox(
  timeoutMs: number,
  options: StartProxyOptions = {},
): ProxyAgainstSandbox {
  let running: { sandbox: RunningSandbox; control: SandboxControl } | undefined;
  let proxy: RunningProxy | undefined;
  const current = () => {
    if (!running) throw new Error('The sandbox is not running: use it inside a test.');
    return running;
  };
  beforeAll(async () => {
    running = await startTestSandbox();
  }, timeoutMs);
  afterAll(async () => {
    await running?.sandbox.close();
  }, timeoutMs);
  beforeEach(async () => {
    await current().control.reset();
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });
  return {
    get sandbox() {
      return current().sandbox;
    },
    get control() {
      return current().control;
    },
    async start(env = {}) {
      // One proxy at a time: a test that starts another stops the one before.
      await proxy?.close();
      proxy = await startProxyFor(current().sandbox.url, env, options);
      return proxy.url;
    },
  };
}
