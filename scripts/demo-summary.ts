/** The text `npm start` prints once everything runs. It names URLs and paths, never the secret. */
import { HEALTH_PATH } from '../shared/exchange-contract';
import type { ExtensionBrowser } from './build-extension';
import { demoFacebookSettings } from './demo-stack';

/** The line that says the demo is up; the start test waits for it. */
export const READY_LINE = 'Demo ready. Press Ctrl-C to stop everything.';

/** What is running and where. */
export interface DemoSummaryInput {
  readonly sandboxUrl: string;
  readonly proxyUrl: string;
  /** What the extension was built for. */
  readonly target: ExtensionBrowser;
  readonly extensionDir: string;
  /** `opened`, or why no browser was opened. */
  readonly browser: 'opened' | { readonly skipped: string };
}

/** How to load the build by hand, per browser. */
function loadByHand(target: ExtensionBrowser, extensionDir: string): string[] {
  if (target === 'firefox') {
    return [
      '  1. Open about:debugging#/runtime/this-firefox in Firefox.',
      `  2. Click "Load Temporary Add-on…" and choose ${extensionDir}/manifest.json`,
      '  3. Open its popup from the toolbar, click "Connect Instagram account", then "Allow".',
      '  A temporary add-on stays until Firefox closes; load it again after a restart.',
    ];
  }
  return [
    '  1. Open chrome://extensions in Chrome or Chromium.',
    '  2. Turn on "Developer mode" (top right).',
    `  3. Click "Load unpacked" and choose ${extensionDir}`,
    '  4. Open its popup from the toolbar, click "Connect Instagram account", then "Allow".',
  ];
}

/** The Facebook Login app the proxy also serves, and where its dialog and Graph API live. */
function facebookLines(sandboxUrl: string): string[] {
  const facebook = demoFacebookSettings(sandboxUrl);
  return [
    `  Facebook Login     app ${facebook.appId}, Graph ${facebook.graphVersion}`,
    `    dialog base      ${facebook.dialogBase}  (${facebook.dialogBase}/${facebook.graphVersion}/dialog/oauth)`,
    `    graph base       ${facebook.graphBase}`,
  ];
}

/** Lines for the terminal: the URLs, then either "look at the browser" or how to load by hand. */
export function demoSummary(input: DemoSummaryInput): string {
  const name = input.target === 'firefox' ? 'Firefox' : 'Chromium';
  const lines = [
    '',
    'Token Tool for Instagram, running against the local Instagram sandbox:',
    `  Instagram sandbox  ${input.sandboxUrl}`,
    `  Control API        ${input.sandboxUrl}/__control/state  (also reset, config, clock…)`,
    `  Exchange proxy     ${input.proxyUrl}  (health: ${input.proxyUrl}${HEALTH_PATH})`,
    `  Extension build    ${input.extensionDir}`,
    ...facebookLines(input.sandboxUrl),
    '',
  ];
  if (input.browser === 'opened') {
    lines.push(
      `${name} is open on the popup: click "Connect Instagram account", then "Allow" on the`,
      `sandbox's consent page. Closing ${name} leaves the servers running.`,
    );
  } else {
    lines.push(
      `No browser opened (${input.browser.skipped}). To try the extension:`,
      ...loadByHand(input.target, input.extensionDir),
    );
  }
  lines.push('', READY_LINE);
  return lines.join('\n');
}
