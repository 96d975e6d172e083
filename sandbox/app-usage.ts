/** Middleware that stamps `X-App-Usage` on every Graph response, errors included. */
import { createMiddleware } from 'hono/factory';
import type { SandboxState } from './sandbox-state';
import { appUsageHeader } from './usage-headers';

/** The graph.instagram.com paths, unversioned or `/v<NN>.0/…`; the OAuth hosts send no usage. */
const GRAPH_PATH = /^\/(?:v\d+\.0\/)?(?:me|access_token|refresh_access_token)$/;

/** The graph.facebook.com paths of the sandbox: everything under `/facebook/` but the dialog. */
const FACEBOOK_GRAPH_PATH = /^\/facebook\/(?!v\d+\.\d+\/dialog\/)/;

/**
 * Adds `X-App-Usage` to Graph paths, unless a fault already set it: Instagram's in the configured
 * form, Facebook's always in its documented `{call_count,…}` form (§7.2).
 */
export function appUsage(state: SandboxState) {
  return createMiddleware(async (c, next) => {
    await next();
    if (c.res.headers.has('X-App-Usage')) return;
    const form = FACEBOOK_GRAPH_PATH.test(c.req.path)
      ? 'facebook'
      : GRAPH_PATH.test(c.req.path)
        ? state.config.appUsageForm
        : undefined;
    if (form !== undefined) {
      c.res.headers.set('X-App-Usage', appUsageHeader(form, state.config.appUsagePercent));
    }
  });
}
