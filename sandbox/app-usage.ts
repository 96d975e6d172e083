/** Middleware that stamps `X-App-Usage` on every Graph response, errors included. */
import { createMiddleware } from 'hono/factory';
import type { SandboxState } from './sandbox-state';
import { appUsageHeader } from './usage-headers';

/** The graph.instagram.com paths, unversioned or `/v<NN>.0/…`; the OAuth hosts send no usage. */
const GRAPH_PATH = /^\/(?:v\d+\.0\/)?(?:me|access_token|refresh_access_token)$/;

/** Adds `X-App-Usage` to Graph paths in the configured form, unless a fault already set it. */
export function appUsage(state: SandboxState) {
  return createMiddleware(async (c, next) => {
    await next();
    if (GRAPH_PATH.test(c.req.path) && !c.res.headers.has('X-App-Usage')) {
      c.res.headers.set(
        'X-App-Usage',
        appUsageHeader(state.config.appUsageForm, state.config.appUsagePercent),
      );
    }
  });
}
