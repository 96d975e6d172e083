import { afterEach, describe, expect, it, vi } from 'vitest';
import { median, percentile, summarise, timePair } from './stats';

describe('median and percentile', () => {
  it('should take the middle sample whatever the input order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('should average the two middle samples of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('should interpolate the 95th percentile between closest ranks', () => {
    const samples = Array.from({ length: 21 }, (_, index) => index * 10);

    expect(percentile(samples, 95)).toBe(190);
    expect(summarise(samples)).toEqual({ runs: 21, medianMs: 100, p95Ms: 190 });
  });

  it('should refuse an empty set of samples', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('timePair', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('should run a first on even rounds and b first on odd rounds', async () => {
    const order: string[] = [];
    const a = () => Promise.resolve(order.push('a'));
    const b = () => Promise.resolve(order.push('b'));

    await timePair(0, a, b);
    await timePair(1, a, b);

    expect(order).toEqual(['a', 'b', 'b', 'a']);
  });

  it('should return the time of a first and b second, whichever ran first', async () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const a = () => Promise.resolve((clock += 100));
    const b = () => Promise.resolve((clock += 1));

    const actual = [await timePair(0, a, b), await timePair(1, a, b)];

    expect(actual).toEqual([
      [100, 1],
      [100, 1],
    ]);
  });
});
