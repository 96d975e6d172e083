/** A routing fake for `fetch` in unit tests: each route answers from a handler by URL path. */
import { vi } from 'vitest';

/** One recorded call. */
export interface FakeCall {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
}

/** A handler returns the response for one call, or throws to simulate a network failure. */
export type FakeRoute = (call: FakeCall) => Response | Promise<Response>;

/** JSON response helper. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** Replaces global fetch with one that dispatches on `pathname` and records every call. */
export function stubFetch(routes: Record<string, FakeRoute>): FakeCall[] {
  const calls: FakeCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      const call: FakeCall = {
        url,
        method: init.method ?? 'GET',
        headers: new Headers(init.headers),
        body: typeof init.body === 'string' ? init.body : undefined,
      };
      calls.push(call);
      const route = routes[url.pathname];
      if (!route) throw new TypeError(`Failed to fetch ${url.pathname}`);
      return route(call);
    }),
  );
  return calls;
}
