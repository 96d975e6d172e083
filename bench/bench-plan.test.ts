import { describe, expect, it } from 'vitest';
import { planBench } from './bench-plan';

describe('planBench', () => {
  it('should write the committed files on a full run', () => {
    const actual = planBench([], '/repo');

    expect(actual.mode).toBe('full');
    expect(actual.outputs).toEqual({
      results: '/repo/bench/results.json',
      chart: '/repo/bench/popup-render.svg',
      markdown: '/repo/BENCHMARKS.md',
    });
    expect(actual.renderCounts).toEqual([1, 10, 50, 100, 200]);
    expect(actual.renderRuns).toBeGreaterThanOrEqual(15);
  });

  it('should write only under .tmp/ with --quick, and still measure 1 and 100 accounts', () => {
    const actual = planBench(['--quick'], '/repo');

    expect(actual.mode).toBe('quick');
    const { results, chart, markdown } = actual.outputs;
    expect([results, chart, markdown].every((path) => path.startsWith('/repo/.tmp/'))).toBe(true);
    expect(actual.renderCounts).toEqual(expect.arrayContaining([1, 100]));
  });

  it('should refuse an unknown option', () => {
    expect(() => planBench(['--fast'], '/repo')).toThrow(/--fast/);
  });
});
