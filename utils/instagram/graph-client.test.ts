import { describe, expect, it, vi } from 'vitest';
import { json, stubFetch } from '@/tests/support/fake-fetch';
import { fakeToken } from '@/tests/support/fixtures';
import { fetchProfile } from './fetch-profile';
import { requestRefresh } from './request-refresh';

const GRAPH = 'http://127.0.0.1:8788';
const TOKEN = fakeToken('CacheMe');

describe('Graph calls', () => {
  it.each([
    [
      'a refresh, with the token in its URL and a new one in its answer',
      () => requestRefresh(GRAPH, TOKEN),
    ],
    ['a profile read, with the token in a header', () => fetchProfile(GRAPH, TOKEN, ['user_id'])],
  ])("should keep %s out of the browser's HTTP cache", async (_call, call) => {
    stubFetch({
      '/refresh_access_token': () =>
        json({ access_token: fakeToken('Fresh'), token_type: 'bearer', expires_in: 5_184_000 }),
      '/me': () => json({ user_id: '27640875392278831', username: 'sandbox.creator' }),
    });

    await call();

    expect(vi.mocked(fetch).mock.calls[0]?.[1]).toMatchObject({ cache: 'no-store' });
  });
});
