import { describe, expect, it } from 'vitest';
import { judgeFigures, verdictOf, type Figure } from './judge-figures';
import { sampleResults, timing } from './sample-results';
import type { BenchResults } from './results-schema';

function figure(results: BenchResults, label: string): Figure {
  const found = judgeFigures(results).find((candidate) => candidate.label.startsWith(label));
  if (!found) throw new Error(`No figure ${label}`);
  return found;
}

describe('judgeFigures', () => {
  it('should answer every question of the issue, each holding in the sample', () => {
    const actual = judgeFigures(sampleResults());

    expect(actual.map((row) => row.label)).toEqual([
      'Popup JS+CSS, gzip',
      'Background JS, gzip',
      'Popup first render, 100 accounts',
      'Copy token: click to clipboard, 100 accounts',
      'Vault: open 100 tokens',
      'Worker cold start, 1 account',
      'Proxy throughput, 50 clients',
      'Proxy added latency, 50 clients',
      'Proxy added latency, 1 client',
      'CLI: igtt token, end to end',
    ]);
    expect(actual.every((row) => row.holds === true)).toBe(true);
  });

  it('should flag a background under 30 KB that has less than 5 KB of headroom', () => {
    const results = sampleResults();
    const background = results.bundles[1];
    if (!background) throw new Error('No background in the sample');
    background.gzipBytes = 27_000;

    const actual = figure(results, 'Background JS');

    expect(actual.holds).toBe(false);
    expect(actual.comparison).toBe('3.6 KB (3,720 B) headroom');
  });

  it('should hold the popup to 15 KB exactly', () => {
    const results = sampleResults();
    const popup = results.bundles[0];
    if (!popup) throw new Error('No popup in the sample');

    popup.gzipBytes = 15_360;
    expect(figure(results, 'Popup JS+CSS').holds).toBe(true);
    popup.gzipBytes = 15_361;
    expect(figure(results, 'Popup JS+CSS').holds).toBe(false);
  });

  it('should judge the popup render by its ratio to the static copy', () => {
    const results = sampleResults();
    if ('skipped' in results.browser) throw new Error('The sample has browser figures');
    const point = results.browser.render[1];
    if (!point) throw new Error('No 100-account point');
    point.popup = timing(151);
    point.reference = timing(100);

    const actual = figure(results, 'Popup first render');

    expect(actual).toMatchObject({ comparison: '×1.51', holds: false });
    expect(actual.reference).toBe('static copy 100.0 ms');
  });

  it('should judge proxy throughput by its ratio and added latency by the p99 difference', () => {
    const results = sampleResults();
    results.proxyThroughput.proxy = { ...results.proxyThroughput.proxy, reqPerSec: 790 };
    results.proxyThroughput.sequential.proxy.p99Ms = 5.5;

    expect(figure(results, 'Proxy throughput').holds).toBe(false);
    expect(figure(results, 'Proxy added latency, 1 client')).toMatchObject({
      comparison: 'p50 +0.500 ms, p99 +2.50 ms',
      holds: false,
    });
  });

  it('should judge absolute budgets on the median and show the difference to the reference', () => {
    const results = sampleResults();
    if ('skipped' in results.cli) throw new Error('The sample has CLI figures');
    results.cli.token = timing(160);

    expect(figure(results, 'CLI')).toMatchObject({
      value: '160.0 ms',
      reference: "node -e '' 60.00 ms",
      comparison: '+100.0 ms',
      holds: false,
    });
  });

  it('should say what was not measured, and why, without judging it', () => {
    const results = sampleResults();
    results.browser = { skipped: 'no Chromium found' };

    const actual = judgeFigures(results).filter((row) => row.holds === null);

    expect(actual.map((row) => row.reference)).toEqual(Array(4).fill('no Chromium found'));
    expect(actual.map(verdictOf)).toEqual(Array(4).fill('not measured'));
  });
});
