import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, MIN_DELAY_MS, backoffDelayMs, retryAt } from './backoff';

const NOW = 1_000_000;

describe('backoffDelayMs', () => {
  it('should double the ceiling with each attempt up to the cap', () => {
    const ceilings = [0, 1, 2, 3, 10, 20].map(
      (attempt) => backoffDelayMs(attempt, () => 1 - Number.EPSILON) + 1,
    );

    expect(ceilings).toEqual([
      BACKOFF_BASE_MS,
      2 * BACKOFF_BASE_MS,
      4 * BACKOFF_BASE_MS,
      8 * BACKOFF_BASE_MS,
      BACKOFF_CAP_MS,
      BACKOFF_CAP_MS,
    ]);
  });

  it('should spread delays over the whole range (full jitter)', () => {
    const draws = [0, 0.25, 0.5, 0.75].map((value) => backoffDelayMs(2, () => value));

    expect(draws).toEqual([0, BACKOFF_BASE_MS, 2 * BACKOFF_BASE_MS, 3 * BACKOFF_BASE_MS]);
  });

  it('should produce different delays for the same attempt with a real random source', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelayMs(5)));

    expect(delays.size).toBeGreaterThan(40);
  });
});

describe('retryAt', () => {
  it('should never retry sooner than the 30-second alarm minimum', () => {
    expect(retryAt(0, NOW, 0, () => 0)).toBe(NOW + MIN_DELAY_MS);
  });

  it("should honour the server's Retry-After when it is longer than the backoff", () => {
    expect(retryAt(0, NOW, 3_600_000, () => 0.5)).toBe(NOW + 3_600_000);
  });

  it('should keep the backoff when it is longer than Retry-After', () => {
    expect(retryAt(3, NOW, 60_000, () => 0.5)).toBe(NOW + 4 * BACKOFF_BASE_MS);
  });
});
