import { describe, expect, it } from 'vitest';
import { useSandbox } from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
const CREATOR = '27640875392278831';

async function me(fields = 'id,user_id,username') {
  const { access_token } = await sandbox.control.issueToken({ userId: CREATOR });
  return fetch(sandbox.at('/v25.0/me', { fields }), {
    headers: { Authorization: `Bearer ${access_token}` },
  });
}

describe('malformed /me replies', () => {
  it('should answer a non-numeric user_id when meUserId is non_numeric', async () => {
    await sandbox.control.configure({ meUserId: 'non_numeric' });

    const response = await me();

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: '9130000000000001',
      user_id: 'abc',
      username: 'sandbox.creator',
    });
  });

  it('should leave user_id out, even when asked for, when meUserId is absent', async () => {
    await sandbox.control.configure({ meUserId: 'absent' });

    const response = await me();

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: '9130000000000001', username: 'sandbox.creator' });
  });

  it('should apply inside the data wrapper too', async () => {
    await sandbox.control.configure({ meUserId: 'non_numeric', meWrapped: true });

    expect(await (await me('user_id')).json()).toEqual({ data: [{ user_id: 'abc' }] });
  });

  it('should answer the account id again after a reset', async () => {
    await sandbox.control.configure({ meUserId: 'absent' });
    await sandbox.control.reset();

    expect(await (await me('user_id')).json()).toEqual({ user_id: CREATOR });
  });
});

describe('/me refusals', () => {
  it('should answer permission_denied with OAuthException code 10, HTTP 400', async () => {
    await sandbox.control.failNext('me', 'permission_denied');

    const response = await me();

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message: '(#10) Application does not have permission for this action',
        type: 'OAuthException',
        code: 10,
        fbtrace_id: expect.stringMatching(/^[A-Za-z0-9_-]{23}$/),
      },
    });
    expect(response.headers.get('WWW-Authenticate')).toBeNull();
  });

  it('should answer unsupported_get with IGApiException code 100, HTTP 400', async () => {
    await sandbox.control.failNext('me', 'unsupported_get');

    const response = await me();

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message: 'Unsupported request - method type: get',
        type: 'IGApiException',
        code: 100,
        fbtrace_id: expect.stringMatching(/^[A-Za-z0-9_-]{23}$/),
      },
    });
  });

  it('should refuse only the armed number of calls, leaving the token valid', async () => {
    const { access_token } = await sandbox.control.issueToken({ userId: CREATOR });
    await sandbox.control.failNext('me', 'permission_denied', 2);
    const call = () => fetch(sandbox.at('/me', { fields: 'user_id', access_token }));

    const statuses = [(await call()).status, (await call()).status];
    const recovered = await call();

    expect(statuses).toEqual([400, 400]);
    expect(await recovered.json()).toEqual({ user_id: CREATOR });
  });
});
