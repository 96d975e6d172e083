import { describe, expect, it } from 'vitest';
import { makeAccount, makeLifecycleState } from '@/tests/support/fixtures';
import { createDefaultSettings } from '@/utils/settings/settings';
import { accessEndsAt, accountStatus } from './account-status';
import { describeBadge } from './badge';
import { lifecyclePolicy } from './lifecycle-policy';
import { noticeFor } from './notify-accounts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-28T12:00:00Z');
const CONTEXT = { now: NOW, locked: false, warningWindowMs: 10 * DAY };
const POLICY = lifecyclePolicy({ ...createDefaultSettings(), notifyDaysBeforeExpiry: 7 });

/** A Facebook Login account whose token ends in 50 days, but whose data access ends first. */
function facebookAccount(dataAccessDays: number | null, expiresDays: number | null = 50) {
  return makeAccount({
    username: 'sandbox.business',
    tokenKind: 'facebook_login',
    issuedAt: NOW - 10 * DAY,
    expiresAt: expiresDays === null ? null : NOW + expiresDays * DAY,
    dataAccessExpiresAt: dataAccessDays === null ? null : NOW + dataAccessDays * DAY,
    page: { id: '104000000000001', name: 'Sandbox Business Page' },
  });
}

describe('accessEndsAt', () => {
  it.each([
    ['the token expiry when data access lasts longer', 50, 80, 50],
    ['the end of data access when it comes first', 50, 20, 20],
    ['the end of data access for a token that never expires', null, 20, 20],
    ['the token expiry without a data access date', 50, null, 50],
  ] as const)('should be %s', (_name, expires, dataAccess, ends) => {
    expect(accessEndsAt(facebookAccount(dataAccess, expires))).toBe(NOW + ends * DAY);
  });

  it('should be unknown when neither date is known', () => {
    expect(accessEndsAt(facebookAccount(null, null))).toBeNull();
  });
});

describe('the status of a Facebook Login token whose data access ends first', () => {
  it('should be valid while the end of data access is outside the warning window', () => {
    expect(accountStatus(facebookAccount(11), CONTEXT)).toBe('valid');
  });

  it('should be expiring once data access ends inside the warning window, the token still far from expiry', () => {
    expect(accountStatus(facebookAccount(9), CONTEXT)).toBe('expiring');
    expect(accountStatus(facebookAccount(9, null), CONTEXT)).toBe('expiring');
  });

  it('should be expired once data access has ended, though the token has not', () => {
    expect(accountStatus(facebookAccount(0), CONTEXT)).toBe('expired');
    expect(accountStatus(facebookAccount(-1, null), CONTEXT)).toBe('expired');
  });

  it('should let a revoked token say revoked, and a locked vault say locked while access lasts', () => {
    const revoked = { ...facebookAccount(-1), health: 'revoked' as const };
    expect(accountStatus(revoked, CONTEXT)).toBe('revoked');
    expect(accountStatus(facebookAccount(9), { ...CONTEXT, locked: true })).toBe('locked');
  });

  it('should put the end of data access in the badge and the notices', () => {
    const state = (account: ReturnType<typeof facebookAccount>) =>
      makeLifecycleState({ accounts: [account], policy: POLICY, now: NOW });

    expect(describeBadge(state(facebookAccount(4))).title).toContain(
      '@sandbox.business: stops working in 4 days.',
    );
    expect(describeBadge(state(facebookAccount(-1))).title).toContain(
      '@sandbox.business: token expired.',
    );
    // Facebook tokens are never refreshed, so an ending one is noticed however new it is.
    expect(noticeFor(facebookAccount(4), state(facebookAccount(4)))).toBe('expiring');
    expect(noticeFor(facebookAccount(8), state(facebookAccount(8)))).toBeNull();
    expect(noticeFor(facebookAccount(-1), state(facebookAccount(-1)))).toBe('dead');
  });
});
