import { describe, expect, it } from 'vitest';
import { describeExpiry, formatRelative } from './format-expiry';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const DAY = 86_400_000;

describe('describeExpiry', () => {
  it('should say how long is left and on which date', () => {
    expect(describeExpiry(NOW + 52 * DAY, NOW)).toBe('Expires in 52 days · 19 Jan 2027');
  });

  it('should say when a token expired', () => {
    expect(describeExpiry(NOW - 3 * DAY, NOW)).toBe('Expired 3 days ago · 25 Nov 2026');
  });

  it('should admit an unknown expiry', () => {
    expect(describeExpiry(null, NOW)).toBe('Expiry unknown until the first refresh');
  });
});

describe('formatRelative', () => {
  it.each([
    [NOW + DAY, 'in 1 day'],
    [NOW + 5 * 3_600_000, 'in 5 hours'],
    [NOW + 90_000, 'in 1 minute'],
    [NOW - 2 * 3_600_000, '2 hours ago'],
    [NOW - 20_000, 'just now'],
  ])('should format %i', (at, expected) => {
    expect(formatRelative(at, NOW)).toBe(expected);
  });
});
