/**
 * A loopback server for the pages the browser benchmarks compare against (the popup's static
 * copy, the bare copy page, the vault page). Pages are set while it runs; each is served with
 * `Cache-Control: no-store`, so every timed load fetches and parses it again.
 */
import { createServer } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback-server';

/** A running page server. */
export interface PageServer {
  /** Its origin, e.g. `http://127.0.0.1:4321`. */
  readonly origin: string;
  /** Serves `body` at `path` from now on; returns the page's URL. */
  setPage(path: string, body: string, contentType?: string): string;
  close(): Promise<void>;
}

/** Starts an empty page server on a free loopback port. */
export async function startPageServer(): Promise<PageServer> {
  const pages = new Map<string, { body: string; contentType: string }>();
  const server = createServer((request, response) => {
    const page = pages.get((request.url ?? '/').split('?')[0] ?? '/');
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'Content-Type': page.contentType, 'Cache-Control': 'no-store' })
      .end(page.body);
  });
  const origin = await listenOnLoopback(server);
  return {
    origin,
    setPage(path, body, contentType = 'text/html; charset=utf-8') {
      pages.set(path, { body, contentType });
      return `${origin}${path}`;
    },
    close: () => closeServer(server),
  };
}
