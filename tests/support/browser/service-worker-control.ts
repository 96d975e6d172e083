/**
 * Stops the extension's service worker the way Chromium does when it is idle or under memory
 * pressure: everything in its memory is lost, and the next event starts a fresh one.
 *
 * Seen with playwright-core 1.65 and Chromium 156: the CDP `ServiceWorker` domain exists only on
 * page targets (a browser-level session answers "'ServiceWorker.enable' wasn't found"). From a
 * page's session, `ServiceWorker.stopWorker` with the worker's version id stops it (status
 * `stopping`, then `stopped`; a global set before is gone after the restart); Playwright keeps the
 * same `Worker` object, whose `evaluate` waits until an event starts the worker again.
 */
import type { LoadedExtension } from './launch-extension';

/** What CDP reports of a service worker version. */
interface Version {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/** How long the worker may take to report a status. */
const STATUS_TIMEOUT_MS = 20_000;

/** Stops the extension's running service worker and resolves once Chromium reports it stopped. */
export async function stopServiceWorker(extension: LoadedExtension): Promise<void> {
  const page = await extension.context.newPage();
  try {
    const session = await extension.context.newCDPSession(page);
    const versions = new Map<string, Version>();
    const changed = new Set<() => void>();
    session.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
      for (const version of updated) versions.set(version.versionId, version);
      for (const notify of changed) notify();
    });
    const ours = (status: Version['runningStatus']) =>
      [...versions.values()].find(
        (version) =>
          version.scriptURL.startsWith(`chrome-extension://${extension.extensionId}/`) &&
          version.runningStatus === status,
      );
    const waitFor = (status: Version['runningStatus']) =>
      new Promise<Version>((resolve, reject) => {
        const check = () => {
          const version = ours(status);
          if (!version) return;
          clearTimeout(timer);
          changed.delete(check);
          resolve(version);
        };
        const timer = setTimeout(() => {
          changed.delete(check);
          reject(new Error(`The extension's service worker was never reported ${status}.`));
        }, STATUS_TIMEOUT_MS);
        changed.add(check);
        check();
      });

    await session.send('ServiceWorker.enable');
    const running = await waitFor('running');
    const stopped = waitFor('stopped');
    await session.send('ServiceWorker.stopWorker', { versionId: running.versionId });
    await stopped;
    await session.detach();
  } finally {
    await page.close();
  }
}
