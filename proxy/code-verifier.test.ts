import { describe, expect, it } from 'vitest';
import { ExchangeResponseSchema } from '../shared/exchange-contract';
import { jsonText } from '../tests/support/fake-instagram';
import {
  exchangeBody,
  postExchange,
  proxyWithFakeInstagram,
  readError,
} from '../tests/support/proxy-requests';
import {
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  TEST_REDIRECT_URI,
} from '../tests/support/proxy-test-config';

/** 64 unreserved characters, like the extension's verifier (RFC 7636 §4.1). */
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk.~dBjftJeZ4CVP-mB92K27u';

describe('code_verifier', () => {
  it('should forward the verifier to the code exchange as a form field', async () => {
    const { app, instagram } = proxyWithFakeInstagram();

    const response = await postExchange(
      app,
      exchangeBody({ code: 'AQBcode#_', code_verifier: VERIFIER }),
    );

    expect(response.status).toBe(200);
    expect(Object.fromEntries(instagram.codeCalls()[0]?.form ?? [])).toEqual({
      client_id: TEST_CLIENT_ID,
      client_secret: TEST_CLIENT_SECRET,
      grant_type: 'authorization_code',
      redirect_uri: TEST_REDIRECT_URI,
      code: 'AQBcode',
      code_verifier: VERIFIER,
    });
  });

  it('should send no code_verifier field at all when the request has none', async () => {
    const { app, instagram } = proxyWithFakeInstagram();

    await postExchange(app, exchangeBody());

    expect(instagram.codeCalls()[0]?.form.has('code_verifier')).toBe(false);
  });

  it('should never send the verifier to the long-lived exchange', async () => {
    const { app, instagram } = proxyWithFakeInstagram();

    await postExchange(app, exchangeBody({ code_verifier: VERIFIER }));

    expect(instagram.longLivedCalls()[0]?.url.href).not.toContain(VERIFIER);
  });

  it.each([
    ['shorter than 43 characters', 'a'.repeat(42)],
    ['longer than 128 characters', 'a'.repeat(129)],
    ['with a character outside the unreserved set', `${'a'.repeat(42)}+`],
    ['not a string', 42],
  ])('should answer 400 invalid_request to a verifier %s', async (_case, verifier) => {
    const { app, instagram } = proxyWithFakeInstagram();

    const response = await postExchange(app, exchangeBody({ code_verifier: verifier }));

    expect(response.status).toBe(400);
    expect((await readError(response)).code).toBe('invalid_request');
    expect(instagram.calls).toHaveLength(0);
  });

  it('should blank the verifier out of anything Instagram echoes, and never log it', async () => {
    const { app, lines } = proxyWithFakeInstagram({
      code: (call) =>
        jsonText(
          JSON.stringify({
            error_type: `OAuthException ${call.form.get('code_verifier') ?? ''}`,
            code: 400,
            error_message: `Invalid code_verifier ${call.form.get('code_verifier') ?? ''}`,
          }),
          400,
        ),
    });

    const response = await postExchange(app, exchangeBody({ code_verifier: VERIFIER }));

    const text = await response.text();
    expect(response.status).toBe(502);
    expect(text).not.toContain(VERIFIER);
    expect(text).toContain('Invalid code_verifier [redacted]');
    expect(lines.join('\n')).not.toContain(VERIFIER);
  });

  it('should still answer a long-lived token with a verifier', async () => {
    const { app } = proxyWithFakeInstagram();

    const response = await postExchange(app, exchangeBody({ code_verifier: VERIFIER }));

    expect(ExchangeResponseSchema.parse(await response.json()).long_lived).toBe(true);
  });
});
