/** The Worker's one non-string binding: the optional Rate Limiting binding `RATE_LIMITER`. */
import { ConfigError } from './errors';
import { isRateLimitBinding, type RateLimitBinding } from './rate-limit-binding';

/** Name of the Rate Limiting binding in wrangler.toml (`[[ratelimits]] name = "RATE_LIMITER"`). */
export const RATE_LIMIT_BINDING_NAME = 'RATE_LIMITER';

/**
 * Logged once per isolate when the binding is missing: the in-memory limit then holds per isolate
 * only, and Cloudflare spreads one client over many isolates and locations.
 */
export const MISSING_RATE_LIMIT_BINDING_WARNING = `Warning: no ${RATE_LIMIT_BINDING_NAME} binding, so PROXY_RATE_LIMIT is counted in each isolate's memory only and does not really limit a client; add the [[ratelimits]] binding shown in proxy/wrangler.toml (proxy/README.md, "Cloudflare Workers").`;

/**
 * The Rate Limiting binding, or undefined when the Worker has none.
 * @throws {ConfigError} when `RATE_LIMITER` is something else, e.g. a plain variable.
 */
export function readRateLimitBinding(
  env: Readonly<Record<string, unknown>>,
): RateLimitBinding | undefined {
  const value = env[RATE_LIMIT_BINDING_NAME];
  if (value === undefined) return undefined;
  if (isRateLimitBinding(value)) return value;
  throw new ConfigError(
    RATE_LIMIT_BINDING_NAME,
    `Invalid configuration: ${RATE_LIMIT_BINDING_NAME} is not a Rate Limiting binding; declare it under [[ratelimits]] in wrangler.toml, not under [vars].`,
  );
}
