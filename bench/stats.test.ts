import { afterEach, describe, expect, it, vi } from 'vitest';
import { measureRounds, median, percentile, runRotation, summarise, timePair } from './stats';

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

describe('runRotation and measureRounds', () => {
  it('should start at a different task each round and return results in task order', async () => {
    const order: string[] = [];
    const task = (name: string) => () => Promise.resolve(order.push(name)).then(() => name);
    const tasks = [task('a'), task('b'), task('c')];

    const results = [await runRotation(0, tasks), await runRotation(1, tasks)];

    expect(order).toEqual(['a', 'b', 'c', 'b', 'c', 'a']);
    expect(results).toEqual([
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
    ]);
  });

  it('should run the warm-up rounds but keep only the measured ones', async () => {
    const rounds: number[] = [];

    const actual = await measureRounds(2, 3, (round) => {
      rounds.push(round);
      return Promise.resolve(round * 10);
    });

    expect(rounds).toEqual([0, 1, 2, 3, 4]);
    expect(actual).toEqual([20, 30, 40]);
  });
});
