import { describe, expect, it, vi } from 'vitest';
import { GraphErrorEnvelopeSchema } from '../shared/instagram-responses';
import { createSandboxControl } from './control-client';
import { startSandbox } from './server';
import { exchangeCode, obtainCode, useSandbox } from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
const CREATOR = '27640875392278831';

async function me(token: string, init: RequestInit = {}) {
  return fetch(sandbox.at('/me', { access_token: token }), init);
}

async function graphError(response: Response) {
  return GraphErrorEnvelopeSchema.parse(await response.json()).error;
}

async function token() {
  return (await sandbox.control.issueToken({ userId: CREATOR })).access_token;
}

describe('fault injection', () => {
  it('should answer server_error with HTTP 500 and the transient code 2', async () => {
    await sandbox.control.failNext('me', 'server_error');

    const response = await me(await token());

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: {
        message: 'An unexpected error has occurred. Please retry your request later.',
        type: 'OAuthException',
        code: 2,
        is_transient: true,
        fbtrace_id: expect.any(String),
      },
    });
  });

  it('should fail exactly count calls, then answer normally', async () => {
    const accessToken = await token();
    const armed = await sandbox.control.failNext('me', 'server_error', 2);

    const statuses = [];
    for (let call = 0; call < 3; call += 1) statuses.push((await me(accessToken)).status);

    expect(armed).toMatchObject({ endpoint: 'me', fault: { mode: 'server_error', remaining: 2 } });
    expect(statuses).toEqual([500, 500, 200]);
    expect((await sandbox.control.calls()).me).toBe(3);
  });

  it('should show the remaining count in the state view', async () => {
    const accessToken = await token();
    await sandbox.control.failNext('me', 'bad_shape', 3);
    await me(accessToken);

    const actual = await sandbox.control.state();

    expect(actual.faults.me).toMatchObject({ mode: 'bad_shape', remaining: 2 });
  });

  it('should hold a timeout until the client aborts, then answer the next call', async () => {
    const accessToken = await token();
    await sandbox.control.failNext('me', 'timeout');

    const held = me(accessToken, { signal: AbortSignal.timeout(200) });

    await expect(held).rejects.toMatchObject({ name: 'TimeoutError' });
    const next = await me(accessToken);
    expect(next.status).toBe(200);
    await vi.waitFor(async () => expect((await sandbox.control.state()).heldRequests).toBe(0));
  });

  it.each([
    [4, '(#4) Application request limit reached'],
    [17, '(#17) User request limit reached'],
    [32, '(#32) Page request limit reached'],
    [613, '(#613) Calls to this api have exceeded the rate limit.'],
  ] as const)(
    'should answer rate_limit %i with HTTP 400 and usage at 100%%',
    async (code, message) => {
      await sandbox.control.failNext('refresh_access_token', 'rate_limit', 1, { code });

      const response = await fetch(
        sandbox.at('/refresh_access_token', {
          grant_type: 'ig_refresh_token',
          access_token: await token(),
        }),
      );

      expect(response.status).toBe(400);
      expect(await graphError(response)).toMatchObject({ message, type: 'OAuthException', code });
      expect(JSON.parse(response.headers.get('X-App-Usage') ?? '')).toMatchObject({
        call_volume: 100,
      });
      expect(response.headers.get('Retry-After')).toBeNull();
      expect(response.headers.get('X-Business-Use-Case-Usage')).toBeNull();
    },
  );

  it('should default rate_limit to code 4', async () => {
    await sandbox.control.failNext('me', 'rate_limit');

    expect(await graphError(await me(await token()))).toMatchObject({ code: 4 });
  });

  it('should answer rate_limit 80002 with the BUC header of the token owner and Retry-After', async () => {
    await sandbox.control.failNext('me', 'rate_limit', 1, { code: 80002, retryAfterSeconds: 300 });

    const response = await me(await token());

    expect(response.status).toBe(400);
    expect(await graphError(response)).toMatchObject({
      code: 80002,
      message: expect.stringMatching(
        /^\(#80002\) There have been too many calls to this Instagram account\. Wait a bit and try again\./,
      ),
    });
    expect(response.headers.get('Retry-After')).toBe('300');
    expect(JSON.parse(response.headers.get('X-Business-Use-Case-Usage') ?? '')).toEqual({
      [CREATOR]: [
        expect.objectContaining({ type: 'instagram', estimated_time_to_regain_access: 5 }),
      ],
    });
  });

  it('should answer garbage with an HTML page and HTTP 200', async () => {
    await sandbox.control.failNext('access_token', 'garbage');

    const response = await fetch(sandbox.at('/access_token'));

    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/^<html>/);
  });

  it('should answer bad_shape with an unexpected JSON object and HTTP 200', async () => {
    await sandbox.control.failNext('me', 'bad_shape');

    const response = await me(await token());

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ unexpected: true });
  });

  it('should leave the code unused when the code exchange fails by injection', async () => {
    const code = await obtainCode(sandbox);
    await sandbox.control.failNext('oauth/access_token', 'server_error');

    const failed = await exchangeCode(sandbox, code);
    const retried = await exchangeCode(sandbox, code);

    expect(failed.status).toBe(500);
    expect(retried.status).toBe(200);
    expect((await sandbox.control.calls())['oauth/access_token']).toBe(2);
  });

  it('should reject an unknown mode or endpoint', async () => {
    const response = await fetch(sandbox.at('/__control/fail'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ endpoint: 'debug_token', mode: 'server_error' }),
    });

    expect(response.status).toBe(400);
  });
});

describe('startSandbox close()', () => {
  it('should end a held timeout request and stop listening', async () => {
    const own = await startSandbox({ port: 0 });
    const control = createSandboxControl(own.url);
    const { access_token } = await control.issueToken({ userId: CREATOR });
    await control.failNext('me', 'timeout');
    const held = fetch(`${own.url}/me?access_token=${access_token}`).then(
      (response) => response.status,
      () => 'closed',
    );
    await vi.waitFor(async () => expect((await control.state()).heldRequests).toBe(1));

    await own.close();

    expect(['closed', 500]).toContain(await held);
    await expect(own.close()).resolves.toBeUndefined();
    await expect(fetch(`${own.url}/__control/state`)).rejects.toThrow();
  });
});
