/**
 * The questions of issue 14, each answered by one row: the figure, what it is compared with
 * (measured in the same run), the ratio or difference, the budget and whether it holds. The
 * console table and BENCHMARKS.md both print these rows, so they can never disagree.
 */
import { formatDeltaMs, formatKb, formatMs, formatRate, formatRatio } from './format-units';
import type { BenchResults, Bundle, LoadFigures, TimingSummary } from './results-schema';

/** Budgets of issue 14. */
export const FIGURE_BUDGETS = {
  popupGzipBytes: 15 * 1024,
  backgroundGzipBytes: 30 * 1024,
  backgroundHeadroomBytes: 5 * 1024,
  renderRatio: 1.5,
  copyMs: 50,
  vaultOpenMs: 10,
  throughputRatio: 0.8,
  addedP99Ms: 2,
  coldStartMs: 50,
  cliMs: 100,
  /** The account count of the render, copy and vault figures. */
  accounts: 100,
} as const;

/** One answered question. `holds` is null when the figure could not be measured. */
export interface Figure {
  readonly label: string;
  readonly value: string;
  readonly reference: string;
  readonly comparison: string;
  readonly budget: string;
  readonly holds: boolean | null;
}

const NOT_MEASURED = '–';

/** Budgets are whole kilobytes; writing them with decimals would suggest a measurement. */
function wholeKb(bytes: number): string {
  return `${bytes / 1024} KB`;
}

function unmeasured(label: string, budget: string, reason: string): Figure {
  return { label, value: NOT_MEASURED, reference: reason, comparison: '', budget, holds: null };
}

function sizeFigures(bundles: readonly Bundle[]): Figure[] {
  const popup = bundles.find((bundle) => bundle.name === 'popup');
  const background = bundles.find((bundle) => bundle.name === 'background');
  const figures: Figure[] = [];
  const popupBudget = `≤ ${wholeKb(FIGURE_BUDGETS.popupGzipBytes)}`;
  figures.push(
    popup
      ? {
          label: 'Popup JS+CSS, gzip',
          value: formatKb(popup.gzipBytes),
          reference: NOT_MEASURED,
          comparison: `${formatKb(FIGURE_BUDGETS.popupGzipBytes - popup.gzipBytes)} headroom`,
          budget: popupBudget,
          holds: popup.gzipBytes <= FIGURE_BUDGETS.popupGzipBytes,
        }
      : unmeasured('Popup JS+CSS, gzip', popupBudget, 'no popup in the build'),
  );
  const backgroundBudget = `≤ ${wholeKb(FIGURE_BUDGETS.backgroundGzipBytes)}, headroom ≥ ${wholeKb(FIGURE_BUDGETS.backgroundHeadroomBytes)}`;
  if (!background) {
    figures.push(unmeasured('Background JS, gzip', backgroundBudget, 'no background in the build'));
    return figures;
  }
  const headroom = FIGURE_BUDGETS.backgroundGzipBytes - background.gzipBytes;
  figures.push({
    label: 'Background JS, gzip',
    value: formatKb(background.gzipBytes),
    reference: NOT_MEASURED,
    comparison: `${formatKb(headroom)} headroom`,
    budget: backgroundBudget,
    holds: headroom >= FIGURE_BUDGETS.backgroundHeadroomBytes,
  });
  return figures;
}

/** Median against a reference's median, as a ratio. */
function ratioFigure(
  label: string,
  value: TimingSummary,
  reference: TimingSummary,
  referenceName: string,
  maxRatio: number,
): Figure {
  const ratio = value.medianMs / reference.medianMs;
  return {
    label,
    value: formatMs(value.medianMs),
    reference: `${referenceName} ${formatMs(reference.medianMs)}`,
    comparison: formatRatio(ratio),
    budget: `≤ ${maxRatio} × reference`,
    holds: ratio <= maxRatio,
  };
}

/** Median against an absolute budget; the reference is shown with the difference. */
function absoluteFigure(
  label: string,
  value: TimingSummary,
  reference: TimingSummary,
  referenceName: string,
  maxMs: number,
): Figure {
  return {
    label,
    value: formatMs(value.medianMs),
    reference: `${referenceName} ${formatMs(reference.medianMs)}`,
    comparison: formatDeltaMs(value.medianMs - reference.medianMs),
    budget: `≤ ${maxMs} ms`,
    holds: value.medianMs <= maxMs,
  };
}

function browserFigures(results: BenchResults): Figure[] {
  const { accounts } = FIGURE_BUDGETS;
  const renderLabel = `Popup first render, ${accounts} accounts`;
  const copyLabel = `Copy token: click to clipboard, ${accounts} accounts`;
  const vaultLabel = `Vault: open ${accounts} tokens`;
  const coldLabel = (count: number) =>
    `Worker cold start, ${count} account${count === 1 ? '' : 's'}`;
  const renderBudget = `≤ ${FIGURE_BUDGETS.renderRatio} × reference`;
  const copyBudget = `≤ ${FIGURE_BUDGETS.copyMs} ms`;
  const vaultBudget = `≤ ${FIGURE_BUDGETS.vaultOpenMs} ms`;
  const coldBudget = `≤ ${FIGURE_BUDGETS.coldStartMs} ms`;
  const browser = results.browser;
  if ('skipped' in browser) {
    return [
      unmeasured(renderLabel, renderBudget, browser.skipped),
      unmeasured(copyLabel, copyBudget, browser.skipped),
      unmeasured(vaultLabel, vaultBudget, browser.skipped),
      unmeasured(coldLabel(1), coldBudget, browser.skipped),
    ];
  }
  const point = browser.render.find((candidate) => candidate.accounts === accounts);
  const figures: Figure[] = [
    point
      ? ratioFigure(
          renderLabel,
          point.popup,
          point.reference,
          'static copy',
          FIGURE_BUDGETS.renderRatio,
        )
      : unmeasured(renderLabel, renderBudget, `no run with ${accounts} accounts`),
    absoluteFigure(
      copyLabel,
      browser.copy.popup,
      browser.copy.reference,
      'bare copy page',
      FIGURE_BUDGETS.copyMs,
    ),
    absoluteFigure(
      vaultLabel,
      browser.vaultOpen.envelope,
      browser.vaultOpen.bare,
      'bare AES-GCM',
      FIGURE_BUDGETS.vaultOpenMs,
    ),
  ];
  for (const cold of browser.coldStart) {
    figures.push(
      absoluteFigure(
        coldLabel(cold.accounts),
        cold.cold,
        cold.warm,
        'warm worker',
        FIGURE_BUDGETS.coldStartMs,
      ),
    );
  }
  return figures;
}

function addedLatencyFigure(label: string, proxy: LoadFigures, forwarder: LoadFigures): Figure {
  const addedP50 = proxy.p50Ms - forwarder.p50Ms;
  const addedP99 = proxy.p99Ms - forwarder.p99Ms;
  return {
    label,
    value: `p50 ${formatMs(proxy.p50Ms)}, p99 ${formatMs(proxy.p99Ms)}`,
    reference: `bare forwarder p50 ${formatMs(forwarder.p50Ms)}, p99 ${formatMs(forwarder.p99Ms)}`,
    comparison: `p50 ${formatDeltaMs(addedP50)}, p99 ${formatDeltaMs(addedP99)}`,
    budget: `p99 ≤ +${FIGURE_BUDGETS.addedP99Ms} ms`,
    holds: addedP99 <= FIGURE_BUDGETS.addedP99Ms,
  };
}

/**
 * Throughput under load, and the added latency twice: under the same load (as the issue asks;
 * there, queueing behind a slower server dominates), and with one client, where latency is the
 * time each server spends on a request.
 */
function proxyFigures(results: BenchResults): Figure[] {
  const { proxy, forwarder, clients, sequential } = results.proxyThroughput;
  const ratio = proxy.reqPerSec / forwarder.reqPerSec;
  return [
    {
      label: `Proxy throughput, ${clients} clients`,
      value: formatRate(proxy.reqPerSec),
      reference: `bare forwarder ${formatRate(forwarder.reqPerSec)}`,
      comparison: formatRatio(ratio),
      budget: `≥ ${FIGURE_BUDGETS.throughputRatio} × reference`,
      holds: ratio >= FIGURE_BUDGETS.throughputRatio,
    },
    addedLatencyFigure(`Proxy added latency, ${clients} clients`, proxy, forwarder),
    addedLatencyFigure('Proxy added latency, 1 client', sequential.proxy, sequential.forwarder),
  ];
}

function cliFigure(results: BenchResults): Figure {
  const label = 'CLI: igtt token, end to end';
  const budget = `≤ ${FIGURE_BUDGETS.cliMs} ms`;
  if ('skipped' in results.cli) return unmeasured(label, budget, results.cli.skipped);
  return absoluteFigure(
    label,
    results.cli.token,
    results.cli.bareNode,
    "node -e ''",
    FIGURE_BUDGETS.cliMs,
  );
}

/** Every figure of the issue, in its order, judged against its budget. */
export function judgeFigures(results: BenchResults): Figure[] {
  return [
    ...sizeFigures(results.bundles),
    ...browserFigures(results),
    ...proxyFigures(results),
    cliFigure(results),
  ];
}

/** A verdict in words: what a reader scanning the table needs. */
export function verdictOf(figure: Figure): string {
  if (figure.holds === null) return 'not measured';
  return figure.holds ? 'holds' : 'DOES NOT HOLD';
}
