/**
 * The popup render chart as a hand-written SVG: first-render median against the number of
 * stored accounts, beside the static copy's median. No charting dependency for one chart.
 */

/** One account count and the medians measured with it. */
export interface ChartPoint {
  readonly accounts: number;
  readonly popupMs: number;
  /** The static copy on 127.0.0.1. */
  readonly referenceMs: number;
  /** The same static copy served from the extension's own folder. */
  readonly extensionCopyMs: number;
}

const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { left: 64, right: 24, top: 48, bottom: 56 } as const;
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
const POPUP_COLOUR = '#c13584';
const REFERENCE_COLOUR = '#405de6';
const EXTENSION_COPY_COLOUR = '#8a8a8a';
const Y_TICKS = 5;

/** Escapes text for an SVG text node or attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The smallest 1, 2 or 5 × 10ⁿ step that covers `max` in `ticks` steps. */
export function niceStep(max: number, ticks = Y_TICKS): number {
  if (!(max > 0)) return 1;
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((value) => value >= raw);
  return step ?? 10 * magnitude;
}

function round(value: number): string {
  return value.toFixed(1);
}

/** Renders the chart; throws when there is nothing to draw. */
export function renderPopupChart(points: readonly ChartPoint[]): string {
  if (points.length === 0) throw new RangeError('No chart points to draw.');
  const sorted = [...points].sort((a, b) => a.accounts - b.accounts);
  const maxAccounts = Math.max(...sorted.map((point) => point.accounts));
  const maxMs = Math.max(
    ...sorted.flatMap((point) => [point.popupMs, point.referenceMs, point.extensionCopyMs]),
  );
  const step = niceStep(maxMs);
  const top = Math.ceil(maxMs / step) * step;
  const x = (accounts: number) => MARGIN.left + (accounts / maxAccounts) * PLOT_WIDTH;
  const y = (ms: number) => MARGIN.top + PLOT_HEIGHT - (ms / top) * PLOT_HEIGHT;
  const bottom = MARGIN.top + PLOT_HEIGHT;

  const yTicks: string[] = [];
  for (let value = 0; value <= top + step / 2; value += step) {
    yTicks.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${round(y(value))}" y2="${round(y(value))}" stroke="#e5e5e5"/>`,
      `<text x="${MARGIN.left - 8}" y="${round(y(value) + 4)}" text-anchor="end">${value}</text>`,
    );
  }
  const xTicks = sorted.map(
    (point) =>
      `<text x="${round(x(point.accounts))}" y="${bottom + 18}" text-anchor="middle">${point.accounts}</text>`,
  );
  const series = (pick: (point: ChartPoint) => number, colour: string, dashArray: string) => {
    const coordinates = sorted.map(
      (point) => `${round(x(point.accounts))},${round(y(pick(point)))}`,
    );
    const dash = dashArray === '' ? '' : ` stroke-dasharray="${dashArray}"`;
    const markers = sorted.map(
      (point) =>
        `<circle cx="${round(x(point.accounts))}" cy="${round(y(pick(point)))}" r="4" fill="${colour}"><title>${point.accounts} accounts: ${pick(point).toFixed(1)} ms</title></circle>`,
    );
    return [
      `<polyline fill="none" stroke="${colour}" stroke-width="2"${dash} points="${coordinates.join(' ')}"/>`,
      ...markers,
    ];
  };
  const labels = sorted.map(
    (point) =>
      `<text x="${round(x(point.accounts))}" y="${round(y(point.popupMs) - 10)}" text-anchor="middle" fill="${POPUP_COLOUR}">${point.popupMs.toFixed(0)}</text>`,
  );
  const description = sorted
    .map(
      (point) =>
        `${point.accounts} accounts: popup ${point.popupMs.toFixed(1)} ms, static copy ${point.referenceMs.toFixed(1)} ms, in the extension ${point.extensionCopyMs.toFixed(1)} ms`,
    )
    .join('; ');
  const legendY = MARGIN.top - 22;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12" fill="#222">`,
    `<title>Popup first render against stored accounts</title>`,
    `<desc>${escapeXml(`Median ms from navigation start to every account card laid out. ${description}.`)}</desc>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    ...yTicks,
    `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${bottom}" y2="${bottom}" stroke="#888"/>`,
    ...xTicks,
    `<text x="${MARGIN.left + PLOT_WIDTH / 2}" y="${HEIGHT - 12}" text-anchor="middle">stored accounts</text>`,
    `<text transform="translate(16 ${MARGIN.top + PLOT_HEIGHT / 2}) rotate(-90)" text-anchor="middle">median ms, navigation start → all cards laid out</text>`,
    ...series((point) => point.extensionCopyMs, EXTENSION_COPY_COLOUR, '2 3'),
    ...series((point) => point.referenceMs, REFERENCE_COLOUR, '6 4'),
    ...series((point) => point.popupMs, POPUP_COLOUR, ''),
    ...labels,
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + 24}" y1="${legendY}" y2="${legendY}" stroke="${POPUP_COLOUR}" stroke-width="2"/>`,
    `<text x="${MARGIN.left + 30}" y="${legendY + 4}">popup</text>`,
    `<line x1="${MARGIN.left + 90}" x2="${MARGIN.left + 114}" y1="${legendY}" y2="${legendY}" stroke="${REFERENCE_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<text x="${MARGIN.left + 120}" y="${legendY + 4}">static copy on 127.0.0.1</text>`,
    `<line x1="${MARGIN.left + 290}" x2="${MARGIN.left + 314}" y1="${legendY}" y2="${legendY}" stroke="${EXTENSION_COPY_COLOUR}" stroke-width="2" stroke-dasharray="2 3"/>`,
    `<text x="${MARGIN.left + 320}" y="${legendY + 4}">the same copy in the extension</text>`,
    `</svg>`,
    '',
  ].join('\n');
}
