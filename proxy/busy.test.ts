import { describe, expect, it } from 'vitest';
import { ExchangeResponseSchema } from '../shared/exchange-contract';
import { RATE_LIMIT_CODES } from '../shared/instagram-error-codes';
import { graphError, jsonText } from '../tests/support/fake-instagram';
import {
  exchangeBody,
  postExchange,
  proxyWithFakeInstagram,
  readError,
} from '../tests/support/proxy-requests';
import { TEST_ORIGIN } from '../tests/support/proxy-test-config';

const BUSY_MESSAGE = 'Instagram is busy; try again in a minute.';

describe('upstream_busy: Instagram throttling or briefly failing the code exchange', () => {
  it.each([1, 2, ...RATE_LIMIT_CODES])(
    'should answer 503 upstream_busy with Retry-After: 60 to code %i',
    async (code) => {
      const { app, instagram } = proxyWithFakeInstagram({
        code: () =>
          graphError(
            { message: 'Please slow down', type: 'OAuthException', code, fbtrace_id: 'Abusy' },
            code === 2 ? 500 : 400,
          ),
      });

      const response = await postExchange(app, exchangeBody());

      expect(response.status).toBe(503);
      expect(response.headers.get('Retry-After')).toBe('60');
      const actual = await readError(response);
      expect(actual.code).toBe('upstream_busy');
      expect(actual.message.startsWith(BUSY_MESSAGE)).toBe(true);
      expect(actual.upstream).toEqual({
        type: 'OAuthException',
        code,
        message: 'Please slow down',
        fbtrace_id: 'Abusy',
      });
      expect(instagram.codeCalls()).toHaveLength(1);
      expect(instagram.longLivedCalls()).toHaveLength(0);
    },
  );

  it('should say what happened after the fixed sentence', async () => {
    const { app } = proxyWithFakeInstagram({
      code: () => graphError({ message: '(#4) Application request limit reached', code: 4 }),
    });

    const actual = await readError(await postExchange(app, exchangeBody()));

    expect(actual.message).toBe(
      `${BUSY_MESSAGE} It is rate-limiting this app (code 4, HTTP 400) during the code exchange. A code works only once, so start the login again after the Retry-After seconds.`,
    );
  });

  it("should pass on Instagram's own Retry-After", async () => {
    const { app } = proxyWithFakeInstagram({
      code: () => graphError({ message: 'limit', code: 4 }, 400, { 'Retry-After': '120' }),
    });

    const response = await postExchange(app, exchangeBody());

    expect(response.headers.get('Retry-After')).toBe('120');
  });

  it('should wait the longer of Retry-After and the BUC regain time (minutes)', async () => {
    const usage = JSON.stringify({
      '17841400000000000': [
        { type: 'instagram', call_count: 100, estimated_time_to_regain_access: 5 },
      ],
    });
    const { app } = proxyWithFakeInstagram({
      code: () =>
        graphError({ message: 'limit', code: 80002 }, 400, {
          'Retry-After': '30',
          'X-Business-Use-Case-Usage': usage,
        }),
    });

    const response = await postExchange(app, exchangeBody());

    expect(response.headers.get('Retry-After')).toBe('300');
  });

  it.each([
    ['an unreadable BUC header', { 'X-Business-Use-Case-Usage': '{not json' }],
    ['a Retry-After date', { 'Retry-After': 'Wed, 21 Oct 2026 07:28:00 GMT' }],
  ])('should fall back to 60 seconds for %s', async (_case, headers) => {
    const { app } = proxyWithFakeInstagram({
      code: () => graphError({ message: 'limit', code: 4 }, 400, headers),
    });

    const response = await postExchange(app, exchangeBody());

    expect(response.headers.get('Retry-After')).toBe('60');
  });

  it('should treat HTTP 429 with an Instagram error as busy', async () => {
    const { app } = proxyWithFakeInstagram({
      code: () => graphError({ message: 'Too many calls', type: 'OAuthException' }, 429),
    });

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(503);
    expect((await readError(response)).code).toBe('upstream_busy');
  });

  it('should hand out the short-lived token when the long-lived exchange is rate-limited', async () => {
    const { app, instagram } = proxyWithFakeInstagram({
      longLived: () => graphError({ message: '(#17) User request limit reached', code: 17 }),
    });

    const response = await postExchange(app, exchangeBody());

    // The code is spent by now; a one-hour token beats a wasted login.
    expect(response.status).toBe(200);
    const body = ExchangeResponseSchema.parse(await response.json());
    expect(body).toMatchObject({ long_lived: false, upstream_error: { code: 17 } });
    expect(instagram.longLivedCalls()).toHaveLength(1);
  });

  it('should let the extension read Retry-After across origins', async () => {
    const { app } = proxyWithFakeInstagram({
      code: () => graphError({ message: 'limit', code: 4 }),
    });

    const response = await postExchange(app, exchangeBody(), { Origin: TEST_ORIGIN });

    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(TEST_ORIGIN);
    expect(response.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After');
  });

  it.each([
    [
      'a spent code',
      () =>
        jsonText(
          '{"error_type":"OAuthException","code":400,"error_message":"Matching code was not found or was already used"}',
          400,
        ),
    ],
    [
      'wrong app credentials under code 1',
      () => graphError({ message: 'Error validating client secret.', code: 1 }),
    ],
    ['a permission error', () => graphError({ message: '(#10) No permission', code: 10 })],
  ])('should keep 502 upstream_error without Retry-After for %s', async (_case, code) => {
    const { app } = proxyWithFakeInstagram({ code });

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(502);
    expect(response.headers.get('Retry-After')).toBeNull();
    expect((await readError(response)).code).toBe('upstream_error');
  });
});
