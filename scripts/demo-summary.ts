/** The text `npm start` prints once everything runs. It names URLs and paths, never the secret. */
import { HEALTH_PATH } from '../shared/exchange-contract';

/** The line that says the demo is up; the start test waits for it. */
export const READY_LINE = 'Demo ready. Press Ctrl-C to stop everything.';

/** What is running and where. */
export interface DemoSummaryInput {
  readonly sandboxUrl: string;
  readonly proxyUrl: string;
  readonly extensionDir: string;
  /** `opened`, or why no browser was opened. */
  readonly browser: 'opened' | { readonly skipped: string };
}

/** Lines for the terminal: the URLs, then either "look at Chromium" or how to load by hand. */
export function demoSummary(input: DemoSummaryInput): string {
  const lines = [
    '',
    'Token Tool for Instagram, running against the local Instagram sandbox:',
    `  Instagram sandbox  ${input.sandboxUrl}`,
    `  Control API        ${input.sandboxUrl}/__control/state  (also reset, config, clock…)`,
    `  Exchange proxy     ${input.proxyUrl}  (health: ${input.proxyUrl}${HEALTH_PATH})`,
    `  Extension build    ${input.extensionDir}`,
    '',
  ];
  if (input.browser === 'opened') {
    lines.push(
      'Chromium is open on the popup: click "Connect Instagram account", then "Allow" on the',
      "sandbox's consent page. Closing Chromium leaves the servers running.",
    );
  } else {
    lines.push(
      `No browser opened (${input.browser.skipped}). To try the extension:`,
      '  1. Open chrome://extensions in Chrome or Chromium.',
      '  2. Turn on "Developer mode" (top right).',
      `  3. Click "Load unpacked" and choose ${input.extensionDir}`,
      '  4. Open its popup from the toolbar, click "Connect Instagram account", then "Allow".',
    );
  }
  lines.push('', READY_LINE);
  return lines.join('\n');
}
