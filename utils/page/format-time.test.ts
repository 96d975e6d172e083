import { describe, expect, it } from 'vitest';
import { formatRelative } from './format-time';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const DAY = 86_400_000;

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
