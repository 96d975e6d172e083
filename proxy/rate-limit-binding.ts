/**
 * The rate limit on Cloudflare Workers through the platform's Rate Limiting binding
 * (developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit/): one counter per client IP
 * shared by every isolate of a Cloudflare location, where the in-memory count of `rate-limit.ts`
 * only sees the requests of one isolate.
 */
import type { Context, MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { HEALTH_PATH } from '../shared/exchange-contract';
import { errorResponse } from './error-response';
import { ProxyError } from './errors';
import type { ProxyEnv } from './proxy-env';

/**
 * The binding's `period` this proxy documents (wrangler.toml): the binding tells no reset time,
 * so a refused client is told to wait one whole period.
 */
export const BINDING_PERIOD_SECONDS = 60;

/** `env.RATE_LIMITER`: `limit({ key })` counts a request for `key` and says if it may pass. */
export interface RateLimitBinding {
  limit(options: { key: string }): unknown;
}

/** The binding's answer; anything else counts as a failure of the binding. */
const RateLimitOutcomeSchema = z.object({ success: z.boolean() });

/** True when `value` looks like a Rate Limiting binding (an object with a `limit` method). */
export function isRateLimitBinding(value: unknown): value is RateLimitBinding {
  return (
    typeof value === 'object' &&
    value !== null &&
    'limit' in value &&
    typeof value.limit === 'function'
  );
}

/** What {@link bindingRateLimit} needs. */
export interface BindingRateLimitOptions {
  readonly binding: RateLimitBinding;
  readonly clientIp: (c: Context) => string | undefined;
  /** Counts in memory while the binding fails, so that a broken binding never ends the limit. */
  readonly backstop: MiddlewareHandler<ProxyEnv>;
  /** Receives one line the first time the binding fails. */
  readonly warn: (message: string) => void;
}

/**
 * 429 `rate_limited` with `Retry-After` when the binding refuses the client's IP. `/healthz` is
 * exempt, as on Node. The binding sends no `RateLimit-*` figures, so neither does this.
 */
export function bindingRateLimit(options: BindingRateLimitOptions): MiddlewareHandler<ProxyEnv> {
  let warned = false;
  return async (c, next) => {
    if (c.req.path === HEALTH_PATH) return next();
    const outcome = await askBinding(options.binding, options.clientIp(c) ?? 'unknown');
    if (outcome === undefined) {
      if (!warned) {
        warned = true;
        options.warn(
          'Warning: the RATE_LIMITER binding failed; until it answers again, requests are counted in this isolate only (PROXY_RATE_LIMIT).',
        );
      }
      return options.backstop(c, next);
    }
    if (!outcome.success) {
      return errorResponse(
        c,
        new ProxyError(
          'rate_limited',
          'Too many requests from this address. Wait for the number of seconds in Retry-After, then try again.',
          { retryAfterSeconds: BINDING_PERIOD_SECONDS },
        ),
      );
    }
    await next();
  };
}

/** The binding's validated answer, or undefined when it threw or answered something else. */
async function askBinding(
  binding: RateLimitBinding,
  key: string,
): Promise<z.infer<typeof RateLimitOutcomeSchema> | undefined> {
  try {
    const outcome = RateLimitOutcomeSchema.safeParse(await binding.limit({ key }));
    return outcome.success ? outcome.data : undefined;
  } catch {
    return undefined;
  }
}
