import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LONG_LIVED_RETRY } from './backoff';
import type { RunningProxy } from './server';
import type { FetchLike } from './upstream-fetch';
import {
  CLIENT_SECRET,
  REDIRECT_URI,
  authorizationCode,
  exchangeOver,
  startProxyFor,
  startTestSandbox,
  type RunningSandbox,
  type SandboxControl,
} from '../tests/support/sandbox-stack';

/**
 * Runs a full exchange and several failing ones through a real proxy and sandbox, capturing every
 * log line, anything written to the console, and every body the proxy sent back.
 */
describe('secrets never reach the logs', () => {
  let sandbox: RunningSandbox;
  let control: SandboxControl;
  let proxy: RunningProxy;
  const logLines: string[] = [];
  const consoleOutput: string[] = [];
  const responseBodies: string[] = [];
  const codes: string[] = [];
  const tokens: string[] = [];
  const verifier = 'log-leak-verifier-0123456789-abcdefghijklmnopqrstuvwxyz-ABC';

  /** Passes calls through to the sandbox and remembers every token Instagram hands out. */
  const tokenSpyingFetch: FetchLike = async (url, init) => {
    const response = await fetch(url, init);
    const text = await response.clone().text();
    for (const match of text.matchAll(/"access_token"\s*:\s*"([^"]+)"/g)) {
      if (match[1] !== undefined) tokens.push(match[1]);
    }
    return response;
  };

  async function exchange(code: string, redirectUri = REDIRECT_URI, codeVerifier?: string) {
    const response = await exchangeOver(proxy.url, {
      code: `${code}#_`,
      redirect_uri: redirectUri,
      ...(codeVerifier === undefined ? {} : { code_verifier: codeVerifier }),
    });
    responseBodies.push(await response.text());
    return response.status;
  }

  async function freshCode(codeVerifier?: string) {
    const code = await authorizationCode(sandbox.url, control, { codeVerifier });
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
      { PROXY_UPSTREAM_TIMEOUT_MS: '300' },
      {
        log: (line) => logLines.push(line),
        fetch: tokenSpyingFetch,
        sleep: () => Promise.resolve(),
      },
    );

    const statuses: number[] = [];
    const code = await freshCode();
    statuses.push(await exchange(code));
    statuses.push(await exchange(code));
    await control.failNext('oauth/access_token', 'server_error');
    statuses.push(await exchange(await freshCode()));
    await control.failNext('access_token', 'server_error');
    statuses.push(await exchange(await freshCode()));
    await control.failNext('access_token', 'timeout');
    statuses.push(await exchange(await freshCode()));
    await control.failNext('oauth/access_token', 'garbage');
    statuses.push(await exchange(await freshCode()));
    statuses.push(await exchange(await freshCode(), 'https://attacker.example/'));
    // Exactly as many refusals as attempts, so that the next exchange succeeds again.
    await control.failNext('access_token', 'unsupported_get', LONG_LIVED_RETRY.maxAttempts);
    statuses.push(await exchange(await freshCode()));
    statuses.push(await exchange(await freshCode(verifier), REDIRECT_URI, verifier));
    await control.failNext('oauth/access_token', 'timeout');
    statuses.push(await exchange(await freshCode(verifier), REDIRECT_URI, verifier));
    // 503: busy during the code; 200: the long-lived step retried; the last 200s are the
    // short-lived answer and a PKCE exchange.
    expect(statuses).toEqual([200, 502, 503, 200, 200, 502, 400, 200, 200, 504]);
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await proxy.close();
    await sandbox.close();
  });

  it('should have logged one line per request and seen short- and long-lived tokens', () => {
    expect(logLines).toHaveLength(10);
    expect(tokens.length).toBeGreaterThanOrEqual(4);
  });

  it('should log no code, no token and not the client secret', () => {
    const output = [...logLines, ...consoleOutput].join('\n');

    for (const secret of [...codes, ...tokens, CLIENT_SECRET, verifier]) {
      expect(output).not.toContain(secret);
    }
  });

  it('should have answered a short-lived token once, and logged its attempts', () => {
    expect(responseBodies.filter((body) => body.includes('"long_lived":false'))).toHaveLength(1);
    expect(logLines.join('\n')).toContain('"long_lived_attempts":6,"long_lived":false');
  });

  it('should log no query string and no upstream URL', () => {
    const output = [...logLines, ...consoleOutput].join('\n');

    expect(output).not.toContain('?');
    expect(output).not.toContain(sandbox.url);
    expect(output).not.toContain(`127.0.0.1:${sandbox.port}`);
    expect(output).not.toMatch(/grant_type|client_secret|ig_exchange_token/);
  });

  it('should put neither the secret, the verifier nor an upstream URL in any answer', () => {
    const answers = responseBodies.join('\n');

    expect(answers).not.toContain(CLIENT_SECRET);
    expect(answers).not.toContain(verifier);
    expect(answers).not.toContain(`127.0.0.1:${sandbox.port}`);
    expect(answers).not.toMatch(/grant_type|ig_exchange_token/);
  });
});
