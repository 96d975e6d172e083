import { describe, expect, it } from 'vitest';
import { summariseLoad } from './http-load';

describe('summariseLoad', () => {
  it('should pool the rounds: answered requests over total time, percentiles of all latencies', () => {
    const actual = summariseLoad([
      { latencies: [1, 2, 3], errors: 1, seconds: 1 },
      { latencies: [4, 5, 6, 7, 8, 9, 10, 11], errors: 0, seconds: 1.75 },
    ]);

    expect(actual).toEqual({
      requests: 11,
      errors: 1,
      seconds: 2.75,
      reqPerSec: 4,
      p50Ms: 6,
      p99Ms: 10.9,
    });
  });

  it('should report zeros rather than fail when nothing was answered', () => {
    expect(summariseLoad([{ latencies: [], errors: 3, seconds: 2 }])).toMatchObject({
      requests: 0,
      reqPerSec: 0,
      p50Ms: 0,
    });
  });
});
