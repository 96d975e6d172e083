/**
 * Which browser origins may call the proxy. A request without `Origin` is allowed (an extension
 * holding host permission sends none); a foreign one is refused before anything else runs. CORS
 * is defence in depth here, not authentication: non-browser clients can forge `Origin`.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { ANY_FIREFOX_ORIGIN } from './config-values';
import { errorResponse } from './error-response';
import { ProxyError } from './errors';
import type { ProxyEnv } from './proxy-env';

const FIREFOX_ORIGIN = /^moz-extension:\/\/[^/\s]+$/;

/**
 * True when `origin` is on the allow-list. Firefox gives every install a random origin, so the
 * `moz-extension://*` entry admits any Firefox extension origin.
 */
export function isOriginAllowed(origin: string, allowList: readonly string[]): boolean {
  if (allowList.includes(origin)) return true;
  return allowList.includes(ANY_FIREFOX_ORIGIN) && FIREFOX_ORIGIN.test(origin);
}

/**
 * Answers 403 `origin_not_allowed` (preflights included) to a request from a foreign origin.
 * Requests to `reportingPaths` (other than preflights) pass, because those endpoints answer
 * whether the origin is allowed instead; they still get no CORS headers.
 */
export function originGuard(
  allowList: readonly string[],
  reportingPaths: readonly string[] = [],
): MiddlewareHandler<ProxyEnv> {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const reports = c.req.method !== 'OPTIONS' && reportingPaths.includes(c.req.path);
    if (origin !== undefined && !reports && !isOriginAllowed(origin, allowList)) {
      return errorResponse(
        c,
        new ProxyError(
          'origin_not_allowed',
          'This origin may not call the proxy. The proxy operator must add it to PROXY_ALLOWED_ORIGINS.',
        ),
      );
    }
    await next();
  };
}

/** CORS headers for allowed origins: the exact origin echoed with `Vary: Origin`, never `*`. */
export function corsForAllowedOrigins(allowList: readonly string[]): MiddlewareHandler<ProxyEnv> {
  return cors({
    origin: (origin) => (isOriginAllowed(origin, allowList) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type'],
    exposeHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
}
