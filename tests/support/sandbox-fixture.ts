/** Helpers shared by the sandbox's own tests: a sandbox per file and the OAuth steps as calls. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createSandboxControl, type SandboxControl } from '../../sandbox/control-client';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_FB_APP_ID,
  SANDBOX_FB_APP_SECRET,
  SANDBOX_REDIRECT_URIS,
} from '../../sandbox/defaults';
import { SESSION_COOKIE } from '../../sandbox/login-sessions';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';

/** The redirect URI registered by default. */
export const REDIRECT_URI = SANDBOX_REDIRECT_URIS[0] ?? '';

/** A running sandbox and its control client, valid inside tests. */
export interface SandboxFixture {
  readonly url: string;
  readonly control: SandboxControl;
  /** Builds an absolute URL on the sandbox with query parameters. */
  at(path: string, query?: Record<string, string>): string;
}

/** Starts one sandbox for the file, resets it before each test and stops it after all. */
export function useSandbox(): SandboxFixture {
  let running: RunningSandbox | undefined;
  let control: SandboxControl | undefined;
  const started = () => {
    if (!running || !control) throw new Error('The sandbox is only available inside tests');
    return { running, control };
  };
  beforeAll(async () => {
    running = await startSandbox({ port: 0 });
    control = createSandboxControl(running.url);
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    await started().control.reset();
  });
  return {
    get url() {
      return started().running.url;
    },
    get control() {
      return started().control;
    },
    at(path, query = {}) {
      const url = new URL(path, started().running.url);
      url.search = new URLSearchParams(query).toString();
      return url.href;
    },
  };
}

/** Valid authorize parameters, with overrides (`undefined` removes a parameter). */
export function authorizeParams(
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  return definedOnly({
    client_id: SANDBOX_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'instagram_business_basic,instagram_business_manage_comments',
    state: 'state-123',
    ...overrides,
  });
}

/** Submits the consent form with Allow and returns the code from the redirect (without `#_`). */
export async function obtainCode(
  fixture: SandboxFixture,
  overrides: Record<string, string | undefined> = {},
  userId = '27640875392278831',
): Promise<string> {
  const response = await fetch(fixture.at('/oauth/authorize'), {
    method: 'POST',
    body: new URLSearchParams({
      ...authorizeParams(overrides),
      decision: 'allow',
      user_id: userId,
    }),
    redirect: 'manual',
  });
  const location = new URL(response.headers.get('Location') ?? '');
  const code = location.searchParams.get('code');
  if (response.status !== 302 || code === null) {
    throw new Error(`Authorize did not redirect with a code (HTTP ${response.status})`);
  }
  return code;
}

/** Valid code-exchange form fields for `code`, with overrides (`undefined` removes a field). */
export function codeExchangeFields(
  code: string,
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  return definedOnly({
    client_id: SANDBOX_CLIENT_ID,
    client_secret: SANDBOX_CLIENT_SECRET,
    grant_type: 'authorization_code',
    redirect_uri: REDIRECT_URI,
    code,
    ...overrides,
  });
}

/** Posts a urlencoded code exchange. */
export function exchangeCode(
  fixture: SandboxFixture,
  code: string,
  overrides: Record<string, string | undefined> = {},
): Promise<Response> {
  return fetch(fixture.at('/oauth/access_token'), {
    method: 'POST',
    body: new URLSearchParams(codeExchangeFields(code, overrides)),
  });
}

/** The session cookie a response sets: its `name=value` pair (to send back) and its attributes. */
export function sessionCookieOf(response: Response): { pair: string; attributes: string[] } {
  const header = response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  if (header === undefined) throw new Error(`No ${SESSION_COOKIE} cookie was set`);
  const [pair = '', ...attributes] = header.split(/;\s*/);
  return { pair, attributes };
}

function definedOnly(record: Record<string, string | undefined>): Record<string, string> {
  const defined: Record<string, string> = {};
  for (const [name, value] of Object.entries(record)) {
    if (value !== undefined) defined[name] = value;
  }
  return defined;
}

/** The code a plain GET authorize redirects to `redirectUri` with, consent being "allow". */
export async function authorizationCode(
  sandboxUrl: string,
  redirectUri: string,
): Promise<string | null> {
  const authorize = new URL('/oauth/authorize', sandboxUrl);
  authorize.search = new URLSearchParams({
    client_id: SANDBOX_CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'instagram_business_basic',
  }).toString();
  const location = (await fetch(authorize, { redirect: 'manual' })).headers.get('Location');
  return location === null ? null : new URL(location).searchParams.get('code');
}

/** Valid Facebook dialog parameters, with overrides (`undefined` removes a parameter). */
export function facebookDialogParams(
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  return definedOnly({
    client_id: SANDBOX_FB_APP_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'pages_show_list,instagram_basic',
    state: 'fb-state-123',
    ...overrides,
  });
}

/** Posts a Facebook code exchange (form); `overrides` change or remove fields. */
export function exchangeFacebookCode(
  fixture: SandboxFixture,
  code: string,
  overrides: Record<string, string | undefined> = {},
): Promise<Response> {
  return fetch(fixture.at('/facebook/v25.0/oauth/access_token'), {
    method: 'POST',
    body: new URLSearchParams(
      definedOnly({
        client_id: SANDBOX_FB_APP_ID,
        client_secret: SANDBOX_FB_APP_SECRET,
        redirect_uri: REDIRECT_URI,
        code,
        ...overrides,
      }),
    ),
  });
}

/** Logs in through the Facebook dialog with Allow as `userId` and returns the code (no `#_=_`). */
export async function obtainFacebookCode(
  fixture: SandboxFixture,
  userId: string,
  overrides: Record<string, string | undefined> = {},
): Promise<string> {
  const response = await fetch(fixture.at('/facebook/v25.0/dialog/oauth'), {
    method: 'POST',
    body: new URLSearchParams({
      ...facebookDialogParams(overrides),
      decision: 'allow',
      user_id: userId,
    }),
    redirect: 'manual',
  });
  const code = new URL(response.headers.get('Location') ?? '').searchParams.get('code');
  if (response.status !== 302 || code === null) {
    throw new Error(`The Facebook dialog did not redirect with a code (HTTP ${response.status})`);
  }
  return code;
}
