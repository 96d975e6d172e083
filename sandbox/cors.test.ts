import { describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT_SECRET } from './defaults';
import { authorizeParams, useSandbox } from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
const ORIGIN = 'chrome-extension://blocadghaajijcfckkjphjkhmmlcniff';

describe('CORS on the Instagram endpoints', () => {
  it.each([
    ['GET', '/oauth/authorize', authorizeParams()],
    ['POST', '/oauth/access_token', {}],
    [
      'GET',
      '/access_token',
      { grant_type: 'ig_exchange_token', client_secret: SANDBOX_CLIENT_SECRET },
    ],
    ['GET', '/refresh_access_token', { grant_type: 'ig_refresh_token', access_token: 'x' }],
    ['GET', '/me', { access_token: 'x' }],
    ['GET', '/v25.0/me', { access_token: 'x' }],
  ])(
    'should allow any origin on %s %s and expose the usage headers',
    async (method, path, query) => {
      const response = await fetch(sandbox.at(path, query), {
        method,
        headers: { Origin: ORIGIN },
        redirect: 'manual',
      });

      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(response.headers.get('Access-Control-Expose-Headers')).toBe(
        'X-App-Usage,X-Business-Use-Case-Usage,Retry-After',
      );
    },
  );

  it.each(['/me', '/v25.0/me', '/refresh_access_token', '/oauth/access_token'])(
    'should answer a preflight for %s asking for Authorization',
    async (path) => {
      const response = await fetch(sandbox.at(path), {
        method: 'OPTIONS',
        headers: {
          Origin: ORIGIN,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
      const allowedHeaders = (response.headers.get('Access-Control-Allow-Headers') ?? '')
        .toLowerCase()
        .split(',');

      expect(response.status).toBe(204);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(allowedHeaders).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    },
  );

  it('should not count a preflight as a call', async () => {
    await fetch(sandbox.at('/me'), {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' },
    });

    expect((await sandbox.control.calls()).me).toBe(0);
  });

  it('should not add CORS headers to the control API', async () => {
    const response = await fetch(sandbox.at('/__control/calls'), { headers: { Origin: ORIGIN } });

    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
