/**
 * Per-client fixed-window rate limit on `hono-rate-limiter`, with a timer-free store so it also
 * works on Workers (where a background interval cannot run). The count lives in this instance's
 * memory: several instances each allow the full limit.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter, type ClientRateLimitInfo, type Store } from 'hono-rate-limiter';
import { HEALTH_PATH } from '../shared/exchange-contract';
import { errorResponse } from './error-response';
import { ProxyError } from './errors';
import type { ProxyEnv } from './proxy-env';

const WINDOW_MS = 60_000;
/** Above this many tracked clients, expired windows are dropped before a new one is added. */
const PRUNE_THRESHOLD = 10_000;

/** Counts hits per key in fixed one-minute windows; expired windows are pruned lazily. */
export class FixedWindowStore implements Store<ProxyEnv> {
  readonly #windows = new Map<string, { totalHits: number; resetTime: Date }>();
  readonly #now: () => number;
  #windowMs = WINDOW_MS;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** How many clients are tracked, expired windows included until the next prune. */
  get size(): number {
    return this.#windows.size;
  }

  /** Takes the window length from the middleware's options. */
  init(options: { windowMs: number }): void {
    this.#windowMs = options.windowMs;
  }

  /** Counts one hit for `key` and returns the window's state. */
  increment(key: string): ClientRateLimitInfo {
    const now = this.#now();
    let window = this.#windows.get(key);
    if (window === undefined || window.resetTime.getTime() <= now) {
      if (this.#windows.size >= PRUNE_THRESHOLD) this.#prune(now);
      window = { totalHits: 0, resetTime: new Date(now + this.#windowMs) };
      this.#windows.set(key, window);
    }
    window.totalHits += 1;
    return { totalHits: window.totalHits, resetTime: window.resetTime };
  }

  /** Takes back one hit (unused by our options, required by the interface). */
  decrement(key: string): void {
    const window = this.#windows.get(key);
    if (window !== undefined && window.totalHits > 0) window.totalHits -= 1;
  }

  /** Forgets `key`. */
  resetKey(key: string): void {
    this.#windows.delete(key);
  }

  #prune(now: number): void {
    for (const [key, window] of this.#windows) {
      if (window.resetTime.getTime() <= now) this.#windows.delete(key);
    }
  }
}

/**
 * 429 `rate_limited` with `Retry-After` once a client exceeds `perMinute` requests. `/healthz` is
 * exempt so that load-balancer probes never eat a client's budget.
 */
export function rateLimit(
  perMinute: number,
  clientIp: (c: Context) => string | undefined,
  store: Store<ProxyEnv> = new FixedWindowStore(),
): MiddlewareHandler<ProxyEnv> {
  return rateLimiter<ProxyEnv>({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-6',
    store,
    keyGenerator: (c) => clientIp(c) ?? 'unknown',
    skip: (c) => c.req.path === HEALTH_PATH,
    handler: (c) =>
      errorResponse(
        c,
        new ProxyError(
          'rate_limited',
          `Too many requests from this address (limit: ${perMinute} per minute). Wait for the number of seconds in Retry-After, then try again.`,
        ),
      ),
  });
}
