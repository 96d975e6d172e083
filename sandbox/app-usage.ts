/** Middleware that stamps `X-App-Usage` on every Graph response, errors included. */
import { createMiddleware } from 'hono/factory';
import type { SandboxState } from './sandbox-state';
import { appUsageHeader } from './usage-headers';

/** Adds `X-App-Usage` with the configured percentage unless a rate-limit fault already set it. */
export function appUsage(state: SandboxState) {
  return createMiddleware(async (c, next) => {
    await next();
    if (!c.res.headers.has('X-App-Usage')) {
      c.res.headers.set('X-App-Usage', appUsageHeader(state.config.appUsagePercent));
    }
  });
}
