import { describe, expect, it } from 'vitest';
import { escapeCell, renderBenchmarksMarkdown } from './benchmarks-markdown';
import { sampleResults, timing } from './sample-results';

const PAGE = {
  notes: '### Why\n\nBecause of *this*, 42 ms.\n',
  chartPath: 'bench/popup-render.svg',
  resultsPath: 'bench/results.json',
};

describe('renderBenchmarksMarkdown', () => {
  it('should state the machine, every figure, the chart and the notes verbatim', () => {
    const actual = renderBenchmarksMarkdown({ ...PAGE, results: sampleResults() });

    expect(actual).toContain('- CPU: 2 × AMD EPYC');
    expect(actual).toContain('- Chromium: Chromium 156.0.8078.114');
    expect(actual).toContain(
      '| Popup first render, 100 accounts | 200.0 ms | static copy 180.0 ms |',
    );
    expect(actual).toContain(
      '![Popup first render against stored accounts](bench/popup-render.svg)',
    );
    expect(actual).toContain('### Why\n\nBecause of *this*, 42 ms.');
    expect(actual).toContain('Every measured budget holds (10 of 10).');
    expect(actual).toContain('## How it is measured');
  });

  it('should say plainly which budgets do not hold', () => {
    const results = sampleResults();
    if ('skipped' in results.cli) throw new Error('The sample has CLI figures');
    results.cli.token = timing(160);

    const actual = renderBenchmarksMarkdown({ ...PAGE, results });

    expect(actual).toContain('**1 of 10 budgets do not hold:**');
    expect(actual).toContain(
      '- **CLI: igtt token, end to end**: 160.0 ms (+100.0 ms) against a budget of ≤ 100 ms.',
    );
    expect(actual).toMatch(/\| CLI: igtt token, end to end \|.*\| DOES NOT HOLD \|/);
  });

  it('should leave out the browser sections and the chart when Chromium was missing', () => {
    const results = sampleResults();
    results.browser = { skipped: 'no Chromium found' };

    const actual = renderBenchmarksMarkdown({ ...PAGE, chartPath: null, results });

    expect(actual).not.toContain('![');
    expect(actual).not.toContain('## Popup first render against stored accounts');
    expect(actual).toContain('Not measured: Popup first render, 100 accounts (no Chromium found)');
  });
});

describe('escapeCell', () => {
  it('should keep a pipe or a line break from breaking the table', () => {
    expect(escapeCell('a | b\n c')).toBe('a \\| b c');
  });
});
