import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createProxyApp } from './app';
import { maskPath } from './request-log';
import {
  FAKE_LONG_TOKEN,
  FAKE_SHORT_TOKEN,
  fakeInstagram,
  hangingReply,
} from '../tests/support/fake-instagram';
import { exchangeBody, postExchange } from '../tests/support/proxy-requests';
import { TEST_CLIENT_SECRET, testConfig } from '../tests/support/proxy-test-config';

const LogLineSchema = z.object({
  time: z.iso.datetime(),
  id: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number(),
  ms: z.number(),
  upstream: z.array(
    z.object({ call: z.string(), status: z.union([z.number(), z.string()]), ms: z.number() }),
  ),
  error: z.optional(z.string()),
});

function setup(env = {}, instagram = fakeInstagram()) {
  const lines: string[] = [];
  const app = createProxyApp(testConfig(env), {
    fetch: instagram.fetch,
    log: (line) => lines.push(line),
  });
  return { app, lines };
}

describe('request log', () => {
  it('should write one JSON line with method, path, status, duration and upstream statuses', async () => {
    const { app, lines } = setup();

    const response = await postExchange(app, exchangeBody());

    expect(lines).toHaveLength(1);
    const actual = LogLineSchema.parse(JSON.parse(lines[0] ?? ''));
    expect(actual).toMatchObject({ method: 'POST', path: '/v1/exchange', status: 200 });
    expect(actual.upstream.map((call) => [call.call, call.status])).toEqual([
      ['oauth/access_token', 200],
      ['access_token', 200],
    ]);
    expect(actual.id).toBe(response.headers.get('X-Request-Id'));
  });

  it('should never contain the code, the tokens or the secret of a successful exchange', async () => {
    const { app, lines } = setup();

    await postExchange(app, exchangeBody({ code: 'AQBsecretCode987' }));

    const actual = lines.join('\n');
    for (const secret of [
      'AQBsecretCode987',
      FAKE_SHORT_TOKEN,
      FAKE_LONG_TOKEN,
      TEST_CLIENT_SECRET,
    ]) {
      expect(actual).not.toContain(secret);
    }
    expect(actual).not.toContain('?');
  });

  it('should record the error code and a timed-out upstream call', async () => {
    const { app, lines } = setup(
      { PROXY_UPSTREAM_TIMEOUT_MS: '10' },
      fakeInstagram({ code: hangingReply }),
    );

    await postExchange(app, exchangeBody());

    const actual = LogLineSchema.parse(JSON.parse(lines[0] ?? ''));
    expect(actual).toMatchObject({ status: 504, error: 'upstream_timeout' });
    expect(actual.upstream.map((call) => call.status)).toEqual(['timeout']);
  });

  it('should leave out the query string a client sends', async () => {
    const { app, lines } = setup();

    await app.request(`/healthz?access_token=${FAKE_LONG_TOKEN}`);

    expect(lines.join('\n')).not.toContain(FAKE_LONG_TOKEN);
  });

  it('should still answer when the log sink throws', async () => {
    const app = createProxyApp(testConfig(), {
      log: () => {
        throw new Error('disk full');
      },
    });

    const response = await app.request('/healthz');

    expect(response.status).toBe(200);
  });
});

describe('maskPath', () => {
  it('should mask a token someone put in the path', () => {
    const actual = maskPath(`/v1/${FAKE_LONG_TOKEN}/x`);

    expect(actual).toBe('/v1/[masked]/x');
  });

  it('should keep ordinary paths as they are', () => {
    expect(maskPath('/v1/exchange')).toBe('/v1/exchange');
  });

  it('should cut very long paths', () => {
    expect(maskPath(`/${'a/'.repeat(500)}`).length).toBeLessThanOrEqual(100);
  });
});
