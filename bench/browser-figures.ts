/**
 * Everything measured in Chromium with the production extension loaded, in one browser: accounts
 * are imported in steps (1, 10, 50, 100, 200 in a full run), the popup render is timed at each
 * step, and the copy, worker and vault figures at the steps the issue names.
 */
import { SANDBOX_CLIENT_ID } from '../sandbox/defaults';
import { openClipboardReader } from '../tests/support/browser/clipboard';
import { configureThroughOptions } from '../tests/support/browser/extension-pages';
import { launchExtension } from '../tests/support/browser/launch-extension';
import type { BenchPlan } from './bench-plan';
import { measureCopyInteraction } from './copy-interaction';
import { importAccounts } from './import-accounts';
import { startManyUsersGraph, type GraphUser } from './many-users-graph';
import { startPageServer } from './page-server';
import { measureRenderPoint } from './popup-render';
import type { BrowserFigures, ColdStart, CopyInteraction, RenderPoint } from './results-schema';
import { measureVaultOpen } from './vault-open';
import { measureColdStart } from './worker-cold-start';

/** The account count of the copy and vault figures, and of the second cold-start figure. */
export const MANY_ACCOUNTS = 100;

/** Lets the worker finish the upkeep sync that a burst of imports sets off before timing. */
const SETTLE_AFTER_IMPORT_MS = 1_000;

/** Launches Chromium with the built extension in `extensionDir` and takes every browser figure. */
export async function measureInBrowser(
  extensionDir: string,
  plan: BenchPlan,
  progress: (message: string) => void,
): Promise<BrowserFigures> {
  const graph = await startManyUsersGraph();
  const pages = await startPageServer();
  const extension = await launchExtension({ extensionDir });
  const clipboard = await openClipboardReader(extension.context);
  try {
    // The Graph stand-in also stands in for the proxy, which importing a token never calls.
    await configureThroughOptions(extension, {
      clientId: SANDBOX_CLIENT_ID,
      proxyUrl: graph.url,
      sandboxUrl: graph.url,
    });
    const users: GraphUser[] = [];
    const render: RenderPoint[] = [];
    const coldStart: ColdStart[] = [];
    let copy: CopyInteraction | undefined;
    for (const count of plan.renderCounts) {
      const added = Array.from({ length: count - users.length }, (_, offset) =>
        graph.mintUser(users.length + offset),
      );
      const options = await extension.context.newPage();
      await options.goto(extension.optionsUrl);
      await importAccounts(options, added);
      await options.close();
      users.push(...added);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_AFTER_IMPORT_MS));

      progress(`Popup render with ${count} account(s)…`);
      render.push(await measureRenderPoint(extension, extensionDir, pages, count, plan));
      if (count === 1 || count === MANY_ACCOUNTS) {
        progress(`Worker cold start with ${count} account(s)…`);
        coldStart.push(await measureColdStart(extension, count, plan));
      }
      if (count === MANY_ACCOUNTS) {
        progress(`Copy token with ${count} accounts…`);
        copy = await measureCopyInteraction(extension, pages, clipboard, users, plan);
      }
    }
    if (!copy) throw new Error(`The plan never stores ${MANY_ACCOUNTS} accounts.`);
    progress(`Vault: opening ${MANY_ACCOUNTS} tokens…`);
    const vaultOpen = await measureVaultOpen(extension.context, pages, MANY_ACCOUNTS, plan);
    return { render, copy, vaultOpen, coldStart };
  } finally {
    await clipboard.close();
    await extension.close();
    await pages.close();
    await graph.close();
  }
}
