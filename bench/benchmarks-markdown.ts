/**
 * BENCHMARKS.md, written from the results file so that no figure is ever copied by hand. The
 * human explanations come from `bench/notes.md` and are included as they are.
 */
import { formatDeltaMs, formatKb, formatMs, formatRate, formatRatio } from './format-units';
import { judgeFigures, verdictOf, type Figure } from './judge-figures';
import type { BenchResults, BrowserFigures, CliRoundTrip, TimingSummary } from './results-schema';

/** What the page is made of. */
export interface BenchmarksPage {
  readonly results: BenchResults;
  /** The hand-written notes, included verbatim. */
  readonly notes: string;
  /** Where the chart is, relative to the page; null when there is no chart. */
  readonly chartPath: string | null;
  /** Where the results file is, relative to the page, for the header. */
  readonly resultsPath: string;
}

/** A table cell: pipes would end the cell, and line breaks the row. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function timing(summary: TimingSummary): string {
  return `${formatMs(summary.medianMs)} (p95 ${formatMs(summary.p95Ms)})`;
}

function machineSection(results: BenchResults): string {
  const { machine } = results;
  return [
    '## Machine',
    '',
    `- Run: ${results.date} (${results.mode} mode)`,
    `- CPU: ${machine.cpus} × ${machine.cpuModel}`,
    `- Node ${machine.node} on ${machine.platform} ${machine.arch}`,
    `- Chromium: ${machine.chromium ?? 'not found'}`,
  ].join('\n');
}

function figuresSection(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => [
    figure.label,
    figure.value,
    figure.reference,
    figure.comparison,
    figure.budget,
    verdictOf(figure),
  ]);
  const broken = figures.filter((figure) => figure.holds === false);
  const unmeasured = figures.filter((figure) => figure.holds === null);
  const summary =
    broken.length === 0
      ? `Every measured budget holds (${figures.length - unmeasured.length} of ${figures.length}).`
      : [
          `**${broken.length} of ${figures.length} budgets do not hold:**`,
          '',
          ...broken.map(
            (figure) =>
              `- **${figure.label}**: ${figure.value} (${figure.comparison}) against a budget of ${figure.budget}.`,
          ),
          '',
          'The notes below explain why, with figures.',
        ].join('\n');
  const missing =
    unmeasured.length === 0
      ? []
      : [
          '',
          `Not measured: ${unmeasured.map((figure) => `${figure.label} (${figure.reference})`).join('; ')}.`,
        ];
  return [
    '## Figures',
    '',
    'Medians; every timing has a reference measured in the same run, on the same machine.',
    '',
    table(
      ['Figure', 'Value', 'Reference (same run)', 'Ratio or difference', 'Budget', 'Verdict'],
      rows,
    ),
    '',
    summary,
    ...missing,
  ].join('\n');
}

function renderSection(browser: BrowserFigures, chartPath: string | null): string {
  const rows = browser.render.map((point) => [
    String(point.accounts),
    timing(point.popup),
    timing(point.reference),
    formatRatio(point.popup.medianMs / point.reference.medianMs),
    timing(point.extensionCopy),
    `${formatMs(point.heading.medianMs)} / ${formatMs(point.referenceHeading.medianMs)} / ${formatMs(point.extensionCopyHeading.medianMs)}`,
    formatMs(point.getState.medianMs),
    formatKb(point.stateBytes),
  ]);
  return [
    '## Popup first render against stored accounts',
    '',
    ...(chartPath === null
      ? []
      : [`![Popup first render against stored accounts](${chartPath})`, '']),
    table(
      [
        'Accounts',
        'Popup',
        'Static copy on 127.0.0.1',
        'Ratio',
        'Static copy in the extension',
        'Heading shown: popup / copy on 127.0.0.1 / copy in the extension',
        'getState round trip (warm)',
        'getState reply',
      ],
      rows,
    ),
    '',
    `Medians (p95) of ${browser.render[0]?.popup.runs ?? 0} measured loads per page. "Static copy in the extension" is the same static page served from the extension's own folder: the popup's distance to it is what the popup's code costs, its distance to the loopback copy also includes the \`chrome-extension://\` origin. "Heading shown" is when each page first shows its \`h1\`: for the popup, that it has drawn its frame and waits for the background; for the static copies, whose \`h1\` comes first, what the navigation itself costs; "getState round trip" is the one message the popup needs before it can draw the cards, timed on its own from an open page.`,
  ].join('\n');
}

function browserDetails(browser: BrowserFigures): string {
  const perToken = (summary: TimingSummary) =>
    formatMs(summary.medianMs / browser.vaultOpen.tokens);
  const coldRows = browser.coldStart.map((cold) => [
    String(cold.accounts),
    timing(cold.cold),
    timing(cold.warm),
    formatDeltaMs(cold.cold.medianMs - cold.warm.medianMs),
  ]);
  return [
    '## Copy, vault and worker',
    '',
    table(
      ['Measure', 'Median (p95)', 'Reference median (p95)', 'Difference'],
      [
        [
          `Copy token, ${browser.copy.accounts} accounts (${browser.copy.popup.runs} clicks)`,
          timing(browser.copy.popup),
          `bare copy page ${timing(browser.copy.reference)}`,
          formatDeltaMs(browser.copy.popup.medianMs - browser.copy.reference.medianMs),
        ],
        [
          `Vault: open ${browser.vaultOpen.tokens} tokens (${browser.vaultOpen.envelope.runs} runs)`,
          `${timing(browser.vaultOpen.envelope)}, ${perToken(browser.vaultOpen.envelope)} each`,
          `bare AES-GCM ${timing(browser.vaultOpen.bare)}, ${perToken(browser.vaultOpen.bare)} each`,
          formatDeltaMs(browser.vaultOpen.envelope.medianMs - browser.vaultOpen.bare.medianMs),
        ],
      ],
    ),
    '',
    table(
      ['Worker: accounts stored', 'Cold (stopped worker)', 'Warm', 'Cold start costs'],
      coldRows,
    ),
  ].join('\n');
}

function proxySection(results: BenchResults): string {
  const run = results.proxyThroughput;
  const row = (name: string, figures: typeof run.proxy) => [
    name,
    formatRate(figures.reqPerSec),
    formatMs(figures.p50Ms),
    formatMs(figures.p99Ms),
    `${figures.requests.toLocaleString('en-US')} (${figures.errors} errors)`,
  ];
  return [
    '## Proxy',
    '',
    `\`POST /v1/exchange\` with ${run.clients} concurrent keep-alive clients, ${run.rounds} × ${run.secondsPerRound} s per server, order alternating:`,
    '',
    table(
      ['Server', 'Throughput', 'p50', 'p99', 'Requests'],
      [row('the proxy', run.proxy), row('bare node:http forwarder', run.forwarder)],
    ),
    '',
    'One client at a time (no queueing), the same two upstream calls:',
    '',
    table(
      ['Server', 'Throughput', 'p50', 'p99', 'Requests'],
      [
        row('the proxy', run.sequential.proxy),
        row('bare node:http forwarder', run.sequential.forwarder),
      ],
    ),
    '',
    `Added by the proxy with one client: p50 ${formatDeltaMs(run.sequential.proxy.p50Ms - run.sequential.forwarder.p50Ms)}, p99 ${formatDeltaMs(run.sequential.proxy.p99Ms - run.sequential.forwarder.p99Ms)}.`,
  ].join('\n');
}

function cliSection(cli: CliRoundTrip): string {
  return [
    '## Command line: where the time goes',
    '',
    table(
      ['Step', 'Median (p95)', 'Adds'],
      [
        ["`node -e ''`: Node's own start", timing(cli.bareNode), ''],
        [
          `\`igtt --help\`: start + load the ${formatKb(cli.bundleBytes)} bundle`,
          timing(cli.help),
          formatDeltaMs(cli.help.medianMs - cli.bareNode.medianMs),
        ],
        [
          '`igtt token`: + socket, host, native port, vault and back',
          timing(cli.token),
          formatDeltaMs(cli.token.medianMs - cli.help.medianMs),
        ],
      ],
    ),
  ].join('\n');
}

function nodeSection(results: BenchResults): string {
  const vault = results.vaultNode;
  return [
    '## Vault crypto in Node',
    '',
    table(
      ['Measure', 'Median (p95)'],
      [
        [`Seal + open one token (${vault.sealOpen.runs} runs)`, timing(vault.sealOpen)],
        ['Reference: bare AES-GCM encrypt + decrypt', timing(vault.bareAesGcm)],
        [
          `Passphrase unlock, PBKDF2-SHA256 600,000 (${vault.pbkdf2Unlock.runs} runs)`,
          timing(vault.pbkdf2Unlock),
        ],
      ],
    ),
  ].join('\n');
}

const HOW_IT_IS_MEASURED = `## How it is measured

- **Sizes**: the production build (\`wxt build\` into a temporary folder), every JS and CSS file the
  popup and the background load, each gzipped at level 9, exactly as \`npm run size\` does.
- **Popup first render**: the production extension in headless Chromium. Accounts are imported
  through the extension's own \`importToken\` message, each token checked by the background
  against \`/me\` of a loopback stand-in for Instagram that knows as many users as needed (the
  sandbox seeds two). A script injected before the page's own records \`performance.now()\`
  (whose origin is navigation start) once every card is in the DOM, after forcing style and
  layout. The reference is a static page on 127.0.0.1 with the popup's own rendered markup and
  CSS, captured after a render, without any script, timed the same way; the same file is also
  served from the extension's folder. Each page has its own tab, navigated again for every run
  (a new tab for a new site would also time a renderer process start that the popup does not
  pay); the order rotates every round, warm-up runs are dropped.
- **Copy token**: a real click on a different card's "Copy token" each time, from the click
  event to "Copied" (which the popup shows once \`clipboard.writeText\` has resolved); the
  clipboard is then read back and checked. Reference: a loopback page whose button copies a
  string it already holds.
- **Vault open**: the extension's \`openToken\`, bundled with esbuild into a loopback page,
  opening stored envelopes one after another as the vault does, under a non-extractable AES-GCM
  key made once; reference: bare \`crypto.subtle.decrypt\` of the same bytes in the same page.
- **Worker cold start**: the worker is stopped through CDP (\`ServiceWorker.stopWorker\`), then
  an open popup sends \`getState\` and times the reply in the page; the reference is the same
  message to the running worker, once its start-up work is over.
- **Proxy**: an upstream stub that answers both Instagram calls at once, the real proxy (its
  Node entry, request log to /dev/null, rate limit raised) and a bare \`node:http\` forwarder
  making the same two calls with the same \`fetch\`, each bundled by esbuild and run by plain
  \`node\` in a process of its own; the load comes from the bench's process over keep-alive
  connections, the servers' order alternating by round.
- **Command line**: \`igtt token\` against a running browser with one connected account and
  command-line access on, in rotation with \`igtt --help\` and \`node -e ''\`.
- \`npm run bench -- --quick\` takes fewer runs and shorter loads, writes to \`.tmp/bench/\` only,
  and fails only on the size budgets.`;

/** The whole of BENCHMARKS.md. */
export function renderBenchmarksMarkdown(page: BenchmarksPage): string {
  const { results } = page;
  const sections = [
    '# Benchmarks',
    '',
    `<!-- Generated by \`npm run bench\` from ${page.resultsPath}; edit bench/notes.md, not this file. -->`,
    '',
    `Written by \`npm run bench\` from [\`${page.resultsPath}\`](${page.resultsPath}); the figures are never copied by hand. The notes section comes from \`bench/notes.md\`.`,
    '',
    machineSection(results),
    '',
    figuresSection(judgeFigures(results)),
  ];
  if (!('skipped' in results.browser)) {
    sections.push(
      '',
      renderSection(results.browser, page.chartPath),
      '',
      browserDetails(results.browser),
    );
  }
  sections.push('', proxySection(results));
  if (!('skipped' in results.cli)) sections.push('', cliSection(results.cli));
  sections.push(
    '',
    nodeSection(results),
    '',
    '## Notes',
    '',
    '<!-- From bench/notes.md, included verbatim. -->',
    '',
    page.notes.trim(),
    '',
    HOW_IT_IS_MEASURED,
    '',
  );
  return sections.join('\n');
}
