import { describe, expect, it } from 'vitest';
import { createProxyApp } from './app';
import { fakeInstagram } from '../tests/support/fake-instagram';
import { exchangeBody, postExchange, readError } from '../tests/support/proxy-requests';
import { TEST_REDIRECT_URI, testConfig } from '../tests/support/proxy-test-config';

const FIREFOX_REDIRECT = 'https://0123456789abcdef0123456789abcdef01234567.extensions.allizom.org/';
const APPS = {
  apps: [
    { client_id: '1111', client_secret: 'secret-one-aaaaaaaa', redirect_uris: [TEST_REDIRECT_URI] },
    { client_id: '2222', client_secret: 'secret-two-bbbbbbbb', redirect_uris: [FIREFOX_REDIRECT] },
  ],
};

function setup(apps: unknown = APPS) {
  const instagram = fakeInstagram();
  const config = testConfig({
    IG_CLIENT_ID: undefined,
    IG_CLIENT_SECRET: undefined,
    IG_REDIRECT_URIS: undefined,
    PROXY_CONFIG: JSON.stringify(apps),
  });
  const app = createProxyApp(config, { fetch: instagram.fetch, log: () => undefined });
  return { app, instagram };
}

describe('multi-app selection (PROXY_CONFIG)', () => {
  it.each([
    ['1111', TEST_REDIRECT_URI, 'secret-one-aaaaaaaa'],
    ['2222', FIREFOX_REDIRECT, 'secret-two-bbbbbbbb'],
  ])('should redeem with the credentials of client_id %s', async (clientId, redirect, secret) => {
    const { app, instagram } = setup();

    const response = await postExchange(
      app,
      exchangeBody({ client_id: clientId, redirect_uri: redirect }),
    );

    expect(response.status).toBe(200);
    const form = instagram.codeCalls()[0]?.form;
    expect([form?.get('client_id'), form?.get('client_secret')]).toEqual([clientId, secret]);
  });

  it('should check redirect_uri against the selected app only', async () => {
    const { app, instagram } = setup();

    const response = await postExchange(
      app,
      exchangeBody({ client_id: '1111', redirect_uri: FIREFOX_REDIRECT }),
    );

    expect((await readError(response)).code).toBe('redirect_uri_not_allowed');
    expect(instagram.calls).toHaveLength(0);
  });

  it('should answer 400 when several apps are configured and no client_id is sent', async () => {
    const { app, instagram } = setup();

    const response = await postExchange(app, exchangeBody());

    expect(response.status).toBe(400);
    const actual = await readError(response);
    expect(actual.code).toBe('invalid_request');
    expect(actual.message).toContain('client_id');
    expect(instagram.calls).toHaveLength(0);
  });

  it('should answer 400 to an unknown client_id', async () => {
    const { app, instagram } = setup();

    const response = await postExchange(app, exchangeBody({ client_id: '3333' }));

    expect(response.status).toBe(400);
    expect((await readError(response)).code).toBe('invalid_request');
    expect(instagram.calls).toHaveLength(0);
  });

  it('should use the only app when no client_id is sent', async () => {
    const { app, instagram } = setup({ apps: [APPS.apps[1]] });

    const response = await postExchange(app, exchangeBody({ redirect_uri: FIREFOX_REDIRECT }));

    expect(response.status).toBe(200);
    expect(instagram.codeCalls()[0]?.form.get('client_id')).toBe('2222');
  });

  it('should answer 400 to a client_id other than the only app', async () => {
    const { app } = setup({ apps: [APPS.apps[1]] });

    const response = await postExchange(
      app,
      exchangeBody({ client_id: '1111', redirect_uri: FIREFOX_REDIRECT }),
    );

    expect((await readError(response)).code).toBe('invalid_request');
  });
});
