/** The bench's console output: compact text tables, one per measurement, then the verdicts. */
import { formatSection } from '../scripts/format-table';
import { formatDeltaMs, formatKb, formatMs, formatRate, formatRatio } from './format-units';
import { verdictOf, type Figure } from './judge-figures';
import type {
  BrowserFigures,
  CliRoundTrip,
  LoadFigures,
  ProxyThroughput,
  TimingSummary,
  VaultNode,
} from './results-schema';

function timingCells(timing: TimingSummary): string[] {
  return [formatMs(timing.medianMs), formatMs(timing.p95Ms)];
}

/** Every answered question with its reference, budget and verdict. */
export function figuresSection(figures: readonly Figure[]): string {
  return formatSection(
    'Issue 14 figures (medians)',
    ['value', 'reference', 'ratio / difference', 'budget', 'verdict'],
    figures.map((figure) => [
      figure.label,
      figure.value,
      figure.reference,
      figure.comparison,
      figure.budget,
      verdictOf(figure),
    ]),
  );
}

/** Popup render per account count, with its parts. */
export function renderSection(browser: BrowserFigures): string {
  return formatSection(
    'Popup first render (navigation start → all cards laid out)',
    [
      'popup',
      'p95',
      'static copy',
      'p95',
      'ratio',
      'copy in ext.',
      'heading popup / copy',
      'getState',
      'reply',
    ],
    browser.render.map((point) => [
      `${point.accounts} accounts`,
      ...timingCells(point.popup),
      ...timingCells(point.reference),
      formatRatio(point.popup.medianMs / point.reference.medianMs),
      formatMs(point.extensionCopy.medianMs),
      `${formatMs(point.heading.medianMs)} / ${formatMs(point.referenceHeading.medianMs)}`,
      formatMs(point.getState.medianMs),
      formatKb(point.stateBytes),
    ]),
  );
}

/** Copy, vault and worker figures against their references. */
export function browserSection(browser: BrowserFigures): string {
  const rows = [
    [`copy token, ${browser.copy.accounts} accounts`, ...timingCells(browser.copy.popup)],
    ['  reference: bare copy page', ...timingCells(browser.copy.reference)],
    [`vault: open ${browser.vaultOpen.tokens} tokens`, ...timingCells(browser.vaultOpen.envelope)],
    ['  reference: bare AES-GCM decrypt', ...timingCells(browser.vaultOpen.bare)],
  ];
  for (const cold of browser.coldStart) {
    rows.push(
      [`worker cold start, ${cold.accounts} account(s)`, ...timingCells(cold.cold)],
      ['  reference: warm worker', ...timingCells(cold.warm)],
    );
  }
  return formatSection('Interaction, vault and worker in Chromium', ['median', 'p95'], rows);
}

function loadRow(label: string, figures: LoadFigures): string[] {
  return [
    label,
    formatRate(figures.reqPerSec),
    formatMs(figures.p50Ms),
    formatMs(figures.p99Ms),
    String(figures.requests),
    String(figures.errors),
  ];
}

/** The proxy against the bare forwarder, loaded and alone. */
export function proxySection(result: ProxyThroughput): string {
  return formatSection(
    `POST /v1/exchange, ${result.clients} clients × ${result.rounds} × ${result.secondsPerRound} s, then 1 client`,
    ['throughput', 'p50', 'p99', 'requests', 'errors'],
    [
      loadRow(`proxy, ${result.clients} clients`, result.proxy),
      loadRow('  reference: bare forwarder', result.forwarder),
      loadRow('proxy, 1 client', result.sequential.proxy),
      loadRow('  reference: bare forwarder', result.sequential.forwarder),
    ],
  );
}

/** `igtt token` and its parts. */
export function cliSection(result: CliRoundTrip): string {
  return formatSection(
    `igtt with the browser running, ${result.token.runs} runs each`,
    ['median', 'p95', 'adds'],
    [
      ["node -e '' (Node's start)", ...timingCells(result.bareNode), ''],
      [
        `igtt --help (+ load ${formatKb(result.bundleBytes)})`,
        ...timingCells(result.help),
        formatDeltaMs(result.help.medianMs - result.bareNode.medianMs),
      ],
      [
        'igtt token (+ socket, host, port, vault)',
        ...timingCells(result.token),
        formatDeltaMs(result.token.medianMs - result.help.medianMs),
      ],
    ],
  );
}

/** Envelope against bare AES-GCM, and the passphrase unlock, in Node. */
export function vaultNodeSection(result: VaultNode): string {
  return formatSection(
    'Vault crypto in Node WebCrypto',
    ['median', 'p95'],
    [
      [`seal+open one token (${result.sealOpen.runs} runs)`, ...timingCells(result.sealOpen)],
      ['  reference: bare AES-GCM encrypt+decrypt', ...timingCells(result.bareAesGcm)],
      [
        `PBKDF2-600k unlock (${result.pbkdf2Unlock.runs} runs)`,
        ...timingCells(result.pbkdf2Unlock),
      ],
    ],
  );
}
