import { describe, expect, it } from 'vitest';
import { makeAccount } from '@/tests/support/fixtures';
import { decideRefresh } from './refresh-policy';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-28T12:00:00Z');
const POLICY = { windowMs: 10 * DAY, maxAgeMs: 50 * DAY };

/** A token issued `ageMs` ago that lives 60 days from its issue. */
function tokenAged(ageMs: number, overrides: Parameters<typeof makeAccount>[0] = {}) {
  return makeAccount({ issuedAt: NOW - ageMs, expiresAt: NOW - ageMs + 60 * DAY, ...overrides });
}

describe('decideRefresh', () => {
  it.each([
    ['just issued', 0, { refresh: false, reason: 'too_new', nextAt: NOW + DAY }],
    ['23 h 59 min old', DAY - 60_000, { refresh: false, reason: 'too_new', nextAt: NOW + 60_000 }],
    ['a day old, 59 days left', DAY, { refresh: false, reason: 'not_due', nextAt: NOW + 49 * DAY }],
    [
      '49 days old, 11 days left',
      49 * DAY,
      { refresh: false, reason: 'not_due', nextAt: NOW + DAY },
    ],
    [
      '50 days old: inside the window and at the maximum age',
      50 * DAY,
      { refresh: true, reason: 'in_window' },
    ],
    ['59 days old: inside the window', 59 * DAY, { refresh: true, reason: 'in_window' }],
    ['60 days old: expired', 60 * DAY, { refresh: false, reason: 'expired' }],
  ])('should decide for a token %s', (_name, age, expected) => {
    expect(decideRefresh(tokenAged(age), POLICY, NOW)).toEqual(expected);
  });

  it('should refresh past the maximum age even outside the window', () => {
    const policy = { windowMs: 5 * DAY, maxAgeMs: 30 * DAY };

    expect(decideRefresh(tokenAged(30 * DAY), policy, NOW)).toEqual({
      refresh: true,
      reason: 'max_age',
    });
  });

  it('should count the age from the last refresh, not the first issue', () => {
    const account = tokenAged(80 * DAY, {
      lastRefreshedAt: NOW - 2 * HOUR,
      expiresAt: NOW + 60 * DAY - 2 * HOUR,
    });

    expect(decideRefresh(account, POLICY, NOW)).toEqual({
      refresh: false,
      reason: 'too_new',
      nextAt: NOW + DAY - 2 * HOUR,
    });
  });

  it('should refresh an imported token of unknown expiry once it is a day old', () => {
    expect(decideRefresh(tokenAged(DAY, { expiresAt: null }), POLICY, NOW)).toEqual({
      refresh: true,
      reason: 'unknown_expiry',
    });
    expect(decideRefresh(tokenAged(HOUR, { expiresAt: null }), POLICY, NOW)).toMatchObject({
      reason: 'too_new',
    });
  });

  it.each(['revoked', 'expired'] as const)('should never refresh a %s token', (health) => {
    expect(decideRefresh(tokenAged(55 * DAY, { health }), POLICY, NOW)).toEqual({
      refresh: false,
      reason: 'dead',
    });
  });
});
