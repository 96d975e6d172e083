import { describe, expect, it } from 'vitest';
import { escapeXml, niceStep, renderPopupChart, type ChartPoint } from './render-chart';

const POINTS: ChartPoint[] = [
  { accounts: 100, popupMs: 420, referenceMs: 300, extensionCopyMs: 290 },
  { accounts: 1, popupMs: 130, referenceMs: 65, extensionCopyMs: 60 },
  { accounts: 10, popupMs: 150, referenceMs: 80, extensionCopyMs: 75 },
];

function attribute(element: string, name: string): string {
  const value = new RegExp(`${name}="([^"]*)"`).exec(element)?.[1];
  if (value === undefined) throw new Error(`No ${name} in ${element}`);
  return value;
}

describe('niceStep', () => {
  it.each([
    [420, 100],
    [49, 10],
    [1, 0.2],
    [0, 1],
  ])('should cover %d in five steps of 1, 2 or 5 × 10ⁿ: %d', (max, expected) => {
    expect(niceStep(max)).toBeCloseTo(expected);
  });
});

describe('renderPopupChart', () => {
  it('should draw three series, each through every point in account order', () => {
    const actual = renderPopupChart(POINTS);

    const lines = actual.match(/<polyline [^>]*\/>/g) ?? [];
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const xs = attribute(line, 'points')
        .split(' ')
        .map((pair) => Number(pair.split(',')[0]));
      expect(xs).toHaveLength(3);
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
    }
  });

  it('should put the slowest median highest and label the axis ticks with the counts', () => {
    const actual = renderPopupChart(POINTS);

    const circles = actual.match(/<circle [^>]*>/g) ?? [];
    const heights = circles.map((circle) => Number(attribute(circle, 'cy')));
    expect(Math.min(...heights)).toBe(heights[circles.length - 1]);
    for (const count of ['1', '10', '100']) expect(actual).toContain(`>${count}</text>`);
    expect(actual).toContain('>500</text>');
  });

  it('should describe every median in text, for readers who cannot see the chart', () => {
    expect(renderPopupChart(POINTS)).toContain(
      '100 accounts: popup 420.0 ms, static copy 300.0 ms, in the extension 290.0 ms',
    );
  });

  it('should refuse to draw nothing', () => {
    expect(() => renderPopupChart([])).toThrow(RangeError);
  });
});

describe('escapeXml', () => {
  it('should escape markup characters', () => {
    expect(escapeXml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});
