/** Response headers every answer carries: token replies must never be cached (RFC 6749 §5.1). */
import type { MiddlewareHandler } from 'hono';

/** Adds `Cache-Control: no-store`, `Pragma: no-cache` and `nosniff` to every response. */
export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('Pragma', 'no-cache');
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  };
}
