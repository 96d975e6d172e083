import { describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT_SECRET } from './defaults';
import { exchangeCode, obtainCode, useSandbox } from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
const CREATOR = '27640875392278831';

/** Refused calls to each Graph path, versioned and not. */
const GRAPH_CALLS = [
  '/me',
  '/v25.0/me',
  '/access_token',
  '/v25.0/access_token',
  '/refresh_access_token',
  '/v25.0/refresh_access_token',
].flatMap((path): { path: string; query: Record<string, string>; label: string }[] => [
  { path, query: {}, label: 'no parameters' },
  { path, query: { grant_type: 'none', access_token: 'garbage' }, label: 'a garbage token' },
]);

async function usageOf(path: string, query: Record<string, string>) {
  const response = await fetch(sandbox.at(path, query));
  return response.headers.get('X-App-Usage');
}

describe('X-App-Usage', () => {
  it.each(GRAPH_CALLS)(
    'should be sent in the call_volume form on $path with $label',
    async ({ path, query }) => {
      expect(await usageOf(path, query)).toBe('{"call_volume":3,"cpu_time":3}');
    },
  );

  it('should be sent on successful replies of every Graph endpoint', async () => {
    const long = await sandbox.control.issueToken({ userId: CREATOR, ageSeconds: 86_400 });
    const short = await sandbox.control.issueToken({ userId: CREATOR, kind: 'short' });
    await sandbox.control.configure({ appUsagePercent: 42 });

    const responses = await Promise.all([
      fetch(sandbox.at('/v25.0/me', { access_token: long.access_token })),
      fetch(
        sandbox.at('/v25.0/access_token', {
          grant_type: 'ig_exchange_token',
          client_secret: SANDBOX_CLIENT_SECRET,
          access_token: short.access_token,
        }),
      ),
      fetch(
        sandbox.at('/refresh_access_token', {
          grant_type: 'ig_refresh_token',
          access_token: long.access_token,
        }),
      ),
    ]);

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(responses.map((response) => response.headers.get('X-App-Usage'))).toEqual(
      Array(3).fill('{"call_volume":42,"cpu_time":42}'),
    );
  });

  it('should use the graph.facebook.com form when configured to', async () => {
    await sandbox.control.configure({ appUsageForm: 'facebook', appUsagePercent: 91 });

    const usage = await usageOf('/v25.0/access_token', {});

    expect(usage).toBe('{"call_count":91,"total_time":91,"total_cputime":91}');
  });

  it('should report 100% in the configured form on a throttled call', async () => {
    await sandbox.control.configure({ appUsageForm: 'facebook' });
    await sandbox.control.failNext('me', 'rate_limit');

    const usage = await usageOf('/me', {});

    expect(usage).toBe('{"call_count":100,"total_time":3,"total_cputime":3}');
  });

  it('should not be sent by the OAuth endpoints, which are not Graph', async () => {
    const code = await obtainCode(sandbox);

    const exchanged = await exchangeCode(sandbox, code);
    const authorize = await fetch(sandbox.at('/oauth/authorize'));

    expect(exchanged.headers.get('X-App-Usage')).toBeNull();
    expect(authorize.headers.get('X-App-Usage')).toBeNull();
  });

  it('should go back to the call_volume form on reset', async () => {
    await sandbox.control.configure({ appUsageForm: 'facebook' });
    await sandbox.control.reset();

    expect(await usageOf('/me', {})).toBe('{"call_volume":3,"cpu_time":3}');
  });
});
