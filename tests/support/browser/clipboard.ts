/**
 * Reads the browser's clipboard. Playwright cannot grant clipboard access to a
 * chrome-extension:// origin, so the text is read from a page on a loopback origin that is granted
 * it; the headless clipboard is shared across the browser.
 */
import { createServer, type Server } from 'node:http';
import type { BrowserContext } from 'playwright-core';

/** A clipboard reader bound to one browser context. */
export interface ClipboardReader {
  read(): Promise<string>;
  /** Copies text as the user would, from the loopback page. */
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Serves a blank page on 127.0.0.1 and grants it clipboard access in `context`. */
export async function openClipboardReader(context: BrowserContext): Promise<ClipboardReader> {
  const server: Server = createServer((_request, response) => {
    response
      .writeHead(200, { 'Content-Type': 'text/html' })
      .end('<!doctype html><title>clipboard</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The clipboard page has no port.');
  const origin = `http://127.0.0.1:${address.port}`;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  await page.goto(origin);
  return {
    async read() {
      await page.bringToFront();
      return page.evaluate(() => navigator.clipboard.readText());
    },
    async write(text) {
      await page.bringToFront();
      await page.evaluate((value) => navigator.clipboard.writeText(value), text);
    },
    async close() {
      await page.close();
      // Chromium keeps its connection alive; close() alone would wait for it forever.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
