import { describe, expect, it } from 'vitest';
import { createSandboxControl, SandboxControlError } from './control-client';
import { exchangeCode, obtainCode, useSandbox } from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();
const CREATOR = '27640875392278831';
const BUSINESS = '17841405793187218';

describe('control API', () => {
  it('should count every call per endpoint, failed ones included', async () => {
    const code = await obtainCode(sandbox);
    await fetch(sandbox.at('/oauth/authorize'));
    await exchangeCode(sandbox, code);
    await exchangeCode(sandbox, code);
    await fetch(sandbox.at('/access_token'));
    await fetch(sandbox.at('/refresh_access_token'), { method: 'POST' });
    await fetch(sandbox.at('/me'));
    await fetch(sandbox.at('/v25.0/me'));

    const actual = await sandbox.control.calls();

    expect(actual).toMatchObject({
      'oauth/authorize': 2,
      'oauth/access_token': 2,
      access_token: 1,
      refresh_access_token: 1,
      me: 2,
      refreshTooEarly: 0,
      'facebook/oauth/access_token': 0,
      'facebook/debug_token': 0,
    });
  });

  it('should reset tokens, codes, counters, config, clock and consent', async () => {
    const code = await obtainCode(sandbox);
    const { access_token } = await sandbox.control.issueToken({ userId: CREATOR });
    await sandbox.control.configure({ meWrapped: true, codeExchangeShape: 'legacy' });
    await sandbox.control.setConsent('deny');
    await sandbox.control.advanceClock(10 * 86_400);
    await sandbox.control.failNext('me', 'server_error');
    const before = Date.now();

    await sandbox.control.reset();
    const state = await sandbox.control.state();

    expect(await sandbox.control.calls()).toMatchObject({ 'oauth/authorize': 0, me: 0 });
    expect(state).toMatchObject({
      consent: 'ask',
      liveTokens: {},
      pendingCodes: 0,
      faults: {},
      config: { meWrapped: false, codeExchangeShape: 'flat' },
    });
    expect(Date.parse(state.now) - before).toBeLessThan(60_000);
    expect((await fetch(sandbox.at('/me', { access_token }))).status).toBe(400);
    expect((await exchangeCode(sandbox, code)).status).toBe(400);
  });

  it('should move the sandbox clock forward and report it', async () => {
    const start = Date.parse((await sandbox.control.now()).now);

    const moved = Date.parse((await sandbox.control.advanceClock(86_400)).now);
    const read = Date.parse((await sandbox.control.now()).now);

    expect(moved - start).toBeGreaterThanOrEqual(86_400_000);
    expect(moved - start).toBeLessThan(86_400_000 + 60_000);
    expect(read).toBeGreaterThanOrEqual(moved);
  });

  it('should return the whole config after a partial update and reject unknown keys', async () => {
    const actual = await sandbox.control.configure({ appUsagePercent: 92, omitTokenType: true });

    expect(actual).toEqual({
      codeExchangeShape: 'flat',
      omitTokenType: true,
      refreshTooEarly: 'error',
      revokeOldOnRefresh: false,
      invalidTokenStatus: 400,
      meWrapped: false,
      meUserId: 'account',
      appUsagePercent: 92,
      appUsageForm: 'instagram',
      redirectUris: ['https://blocadghaajijcfckkjphjkhmmlcniff.chromiumapp.org/'],
      pendingTesterUserIds: [],
      enforcePkce: true,
    });
    const rejected = await fetch(sandbox.at('/__control/config'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ shape: 'flat' }),
    });
    expect(rejected.status).toBe(400);
  });

  it('should mint a backdated token with its issue time and remaining life', async () => {
    const now = Date.parse((await sandbox.control.now()).now);

    const actual = await sandbox.control.issueToken({ userId: CREATOR, ageSeconds: 86_400 });

    expect(actual.access_token).toMatch(/^IGAA[A-Za-z0-9]{178}ZD$/);
    expect(actual.expires_in).toBeLessThanOrEqual(5_184_000 - 86_400);
    expect(actual.expires_in).toBeGreaterThan(5_184_000 - 86_400 - 5);
    expect(now - Date.parse(actual.issued_at)).toBeGreaterThanOrEqual(86_400_000 - 5000);
    expect(now - Date.parse(actual.issued_at)).toBeLessThanOrEqual(86_400_000);
  });

  it('should mint a short-lived token with a custom lifetime', async () => {
    const actual = await sandbox.control.issueToken({
      userId: BUSINESS,
      kind: 'short',
      expiresInSeconds: 60,
    });

    expect(actual.expires_in).toBeLessThanOrEqual(60);
    expect(actual.expires_in).toBeGreaterThan(55);
  });

  it('should accept the app-scoped id for a user and reject an unknown user', async () => {
    const minted = await sandbox.control.issueToken({ userId: '9130000000000002' });
    const me = await fetch(
      sandbox.at('/me', { fields: 'user_id', access_token: minted.access_token }),
    );

    expect(await me.json()).toEqual({ user_id: BUSINESS });
    await expect(sandbox.control.issueToken({ userId: '42' })).rejects.toMatchObject({
      name: 'SandboxControlError',
      code: 'rejected',
    });
    await expect(sandbox.control.revoke('42')).rejects.toBeInstanceOf(SandboxControlError);
  });

  it('should show a state view with live token counts but no token strings', async () => {
    const tokens = [
      (await sandbox.control.issueToken({ userId: CREATOR })).access_token,
      (await sandbox.control.issueToken({ userId: CREATOR, kind: 'short' })).access_token,
      (await sandbox.control.issueToken({ userId: BUSINESS })).access_token,
    ];
    const code = await obtainCode(sandbox);
    await sandbox.control.revoke(BUSINESS);

    const response = await fetch(sandbox.at('/__control/state'));
    const text = await response.text();

    for (const secret of [...tokens, code]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/IGAA|AQ[A-Za-z0-9]{20}/);
    expect(JSON.parse(text)).toMatchObject({
      liveTokens: { [CREATOR]: { short: 1, long: 1 } },
      pendingCodes: 1,
      heldRequests: 0,
    });
  });

  it('should report an unreachable sandbox as request_failed', async () => {
    const control = createSandboxControl('http://127.0.0.1:1');

    await expect(control.calls()).rejects.toMatchObject({ code: 'request_failed' });
  });
});
