import { describe, expect, it } from 'vitest';
import type { BridgeAccount } from '../shared/bridge-protocol';
import {
  accountAsJson,
  formatAccountTable,
  formatExpiry,
  formatStatusLines,
} from './format-accounts';

// Local times, so that the calendar dates hold in any time zone.
const NOW = new Date(2026, 11, 2, 12).getTime();
const IN_60_DAYS = new Date(2027, 0, 31, 12).getTime();

const ada: BridgeAccount = {
  id: '17841400000000001',
  username: 'ada',
  status: 'valid',
  expiresAt: IN_60_DAYS,
  scopes: ['instagram_business_basic'],
};
const grace: BridgeAccount = {
  id: '17841400000000002',
  username: 'grace.hopper',
  status: 'expired',
  expiresAt: null,
  scopes: [],
};

describe('formatExpiry', () => {
  it('should give the date and the days left, rounded', () => {
    expect(formatExpiry(IN_60_DAYS, NOW)).toBe('expires 2027-01-31 (60 d)');
    expect(formatExpiry(IN_60_DAYS - 11 * 60 * 60 * 1000, NOW)).toBe('expires 2027-01-31 (60 d)');
  });

  it('should say how long ago a past expiry was, and when it is unknown', () => {
    expect(formatExpiry(new Date(2026, 10, 29, 12).getTime(), NOW)).toBe(
      'expired 2026-11-29 (3 d ago)',
    );
    expect(formatExpiry(null, NOW)).toBe('expiry unknown');
  });
});

describe('formatStatusLines', () => {
  it('should give one aligned line per account', () => {
    expect(formatStatusLines([ada, grace], NOW)).toEqual([
      '@ada           valid    expires 2027-01-31 (60 d)',
      '@grace.hopper  expired  expiry unknown',
    ]);
  });

  it('should match the documented line for one account', () => {
    expect(formatStatusLines([{ ...ada, username: 'user' }], NOW)).toEqual([
      '@user  valid  expires 2027-01-31 (60 d)',
    ]);
  });
});

describe('formatAccountTable', () => {
  it('should show username, id, status and expiry under a header', () => {
    expect(formatAccountTable([ada, grace], NOW)).toEqual([
      'ACCOUNT        ID                 STATUS   EXPIRY',
      '@ada           17841400000000001  valid    expires 2027-01-31 (60 d)',
      '@grace.hopper  17841400000000002  expired  expiry unknown',
    ]);
  });
});

describe('accountAsJson', () => {
  it('should give the expiry as ISO 8601, or null', () => {
    expect(accountAsJson(ada)).toEqual({
      username: 'ada',
      id: '17841400000000001',
      status: 'valid',
      expiresAt: new Date(IN_60_DAYS).toISOString(),
      scopes: ['instagram_business_basic'],
    });
    expect(accountAsJson(grace).expiresAt).toBeNull();
  });
});
