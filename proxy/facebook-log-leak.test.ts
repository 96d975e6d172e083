import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningProxy } from './server';
import type { FetchLike } from './upstream-fetch';
import {
  FB_APP_ID,
  FB_APP_SECRET,
  REDIRECT_URI,
  SANDBOX_FB_USER_ID,
  debugOver,
  exchangeOver,
  facebookAuthorizationCode,
  startProxyFor,
  startTestSandbox,
  type RunningSandbox,
  type SandboxControl,
} from '../tests/support/sandbox-stack';

const TIMEOUT_MS = 60_000;

/**
 * Facebook exchanges and debug requests, good and failing, through a real proxy and sandbox: no
 * log line, console line or answer may hold the app secret, the app token `id|secret`, a code or
 * a token (an answer may hold its own token).
 */
describe('Facebook secrets never reach the logs', { timeout: TIMEOUT_MS }, () => {
  let sandbox: RunningSandbox;
  let control: SandboxControl;
  let proxy: RunningProxy;
  const logLines: string[] = [];
  const consoleOutput: string[] = [];
  const errorBodies: string[] = [];
  const codes: string[] = [];
  const tokens: string[] = [];
  const appToken = `${FB_APP_ID}|${FB_APP_SECRET}`;
  const verifier = 'fb-log-leak-verifier-0123456789-abcdefghijklmnopqrstuvwxyz';

  const tokenSpyingFetch: FetchLike = async (url, init) => {
    const response = await fetch(url, init);
    const text = await response.clone().text();
    for (const match of text.matchAll(/"access_token"\s*:\s*"([^"]+)"/g)) {
      if (match[1] !== undefined) tokens.push(match[1]);
    }
    return response;
  };

  async function exchange(body: Record<string, unknown>) {
    const response = await exchangeOver(proxy.url, {
      redirect_uri: REDIRECT_URI,
      flavor: 'facebook',
      ...body,
    });
    const text = await response.text();
    if (response.status !== 200) errorBodies.push(text);
    return response.status;
  }

  async function freshCode(codeVerifier?: string) {
    const code = await facebookAuthorizationCode(sandbox.url, control, { codeVerifier });
    codes.push(code);
    return code;
  }

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleOutput.push(args.map(String).join(' '));
      });
    }
    ({ sandbox, control } = await startTestSandbox());
    proxy = await startProxyFor(
      sandbox.url,
      {},
      {
        log: (line) => logLines.push(line),
        fetch: tokenSpyingFetch,
        sleep: () => Promise.resolve(),
      },
    );

    const statuses: number[] = [];
    const code = await freshCode();
    statuses.push(await exchange({ code: `${code}#_=_` }));
    statuses.push(await exchange({ code }));
    await control.failNext('facebook/fb_exchange_token', 'graph_error', 1, {
      code: 190,
      subcode: 460,
    });
    statuses.push(await exchange({ code: await freshCode() }));
    await control.failNext('facebook/fb_exchange_token', 'server_error', 10);
    statuses.push(await exchange({ code: await freshCode() }));
    statuses.push(await exchange({ code: await freshCode(verifier), code_verifier: verifier }));
    const { access_token } = await control.facebook.issueToken({ userId: SANDBOX_FB_USER_ID });
    tokens.push(access_token);
    const debugged = await debugOver(proxy.url, { access_token });
    statuses.push(debugged.status);
    await debugged.body?.cancel();
    await control.failNext('facebook/debug_token', 'graph_error', 1, { code: 190 });
    const refused = await debugOver(proxy.url, { access_token });
    statuses.push(refused.status);
    errorBodies.push(await refused.text());
    expect(statuses).toEqual([200, 502, 502, 200, 200, 200, 502]);
  }, TIMEOUT_MS);

  afterAll(async () => {
    vi.restoreAllMocks();
    await proxy.close();
    await sandbox.close();
  }, TIMEOUT_MS);

  it('should log one line per request, with the flavor, and no secret at all', () => {
    const output = [...logLines, ...consoleOutput].join('\n');

    expect(logLines).toHaveLength(7);
    expect(logLines.every((line) => line.includes('"flavor":"facebook"'))).toBe(true);
    expect(tokens.length).toBeGreaterThanOrEqual(6);
    for (const secret of [...codes, ...tokens, FB_APP_SECRET, appToken, verifier]) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toMatch(/input_token|fb_exchange_token=|client_secret/);
    expect(output).not.toContain(`127.0.0.1:${sandbox.port}`);
  });

  it('should put no secret, code, token or upstream URL in any error answer', () => {
    const answers = errorBodies.join('\n');

    for (const secret of [...codes, ...tokens, FB_APP_SECRET, appToken, verifier]) {
      expect(answers).not.toContain(secret);
    }
    expect(answers).not.toContain(`127.0.0.1:${sandbox.port}`);
  });
});
