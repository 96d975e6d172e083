import { describe, expect, it } from 'vitest';
import { FAKE_SHORT_TOKEN, graphError, jsonText } from '../tests/support/fake-instagram';
import {
  exchangeBody,
  postExchange,
  proxyWithFakeInstagram,
  readError,
} from '../tests/support/proxy-requests';
import { TEST_CLIENT_SECRET } from '../tests/support/proxy-test-config';

const CODE = 'AQBsecretCodeValue123';
const VERIFIER = 'verifier-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH';

describe('redaction of everything passed on from Instagram', () => {
  it('should blank the code, verifier and secret out of type and message (flat error)', async () => {
    const { app } = proxyWithFakeInstagram({
      code: (call) => {
        const echo = `${call.form.get('code') ?? ''}/${call.form.get('client_secret') ?? ''}/${call.form.get('code_verifier') ?? ''}`;
        return jsonText(
          JSON.stringify({ error_type: `T ${echo}`, code: 400, error_message: `M ${echo}` }),
          400,
        );
      },
    });

    const response = await postExchange(app, exchangeBody({ code: CODE, code_verifier: VERIFIER }));

    const actual = await readError(response);
    expect(actual.upstream).toEqual({
      type: 'T [redacted]/[redacted]/[redacted]',
      code: 400,
      message: 'M [redacted]/[redacted]/[redacted]',
    });
  });

  it('should blank them out of a Graph error of the code exchange, fbtrace_id included', async () => {
    const { app } = proxyWithFakeInstagram({
      code: (call) => {
        const echo = `${call.form.get('code') ?? ''}|${call.form.get('client_secret') ?? ''}`;
        return graphError(
          { message: `m ${echo}`, type: `t ${echo}`, code: 100, fbtrace_id: `f ${echo}` },
          400,
        );
      },
    });

    const response = await postExchange(app, exchangeBody({ code: CODE }));

    const text = await response.text();
    for (const secret of [CODE, TEST_CLIENT_SECRET]) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({
      error: {
        upstream: {
          type: 't [redacted]|[redacted]',
          message: 'm [redacted]|[redacted]',
          fbtrace_id: 'f [redacted]|[redacted]',
        },
      },
    });
  });

  it('should blank the short-lived token and the secret out of a long-lived refusal', async () => {
    const { app } = proxyWithFakeInstagram({
      longLived: (call) => {
        const echo = `${call.url.searchParams.get('access_token') ?? ''} ${call.url.searchParams.get('client_secret') ?? ''}`;
        return graphError(
          { message: `m ${echo}`, type: `t ${echo}`, code: 190, fbtrace_id: `f ${echo}` },
          400,
        );
      },
    });

    const response = await postExchange(app, exchangeBody({ code: CODE }));

    expect(response.status).toBe(502);
    const text = await response.text();
    for (const secret of [FAKE_SHORT_TOKEN, TEST_CLIENT_SECRET, CODE]) {
      expect(text).not.toContain(secret);
    }
    expect(JSON.parse(text)).toMatchObject({
      error: {
        upstream: {
          type: 't [redacted] [redacted]',
          fbtrace_id: 'f [redacted] [redacted]',
        },
      },
    });
  });

  it('should blank them out of the upstream_error of a short-lived answer too', async () => {
    const { app } = proxyWithFakeInstagram({
      longLived: (call) =>
        graphError({
          message: `Unsupported request - method type: get ${call.url.searchParams.get('access_token') ?? ''}`,
          type: `IGApiException ${call.url.searchParams.get('client_secret') ?? ''}`,
          code: 100,
          fbtrace_id: `A${call.url.searchParams.get('access_token') ?? ''}`,
        }),
    });

    const response = await postExchange(app, exchangeBody({ code: CODE }));

    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(body).toMatchObject({
      access_token: FAKE_SHORT_TOKEN,
      long_lived: false,
      upstream_error: {
        type: 'IGApiException [redacted]',
        code: 100,
        message: 'Unsupported request - method type: get [redacted]',
        fbtrace_id: 'A[redacted]',
      },
    });
  });
});
