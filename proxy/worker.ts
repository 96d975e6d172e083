/**
 * Cloudflare Workers entry (see wrangler.toml). Configuration comes from the Worker's variables and
 * secrets, the rate limit from the `RATE_LIMITER` binding when there is one, the client IP from
 * `CF-Connecting-IP`. No Node imports, and the few Workers types needed are declared here so that
 * type-checking works without @cloudflare/workers-types.
 */
import type { ExecutionContext } from 'hono';
import { createProxyApp, type ProxyApp } from './app';
import { loadConfig } from './config';
import { errorBody } from './error-response';
import { ConfigError, ProxyError } from './errors';
import { MISSING_RATE_LIMIT_BINDING_WARNING, readRateLimitBinding } from './worker-bindings';

/** The Worker's bindings: string variables and secrets, plus the optional `RATE_LIMITER`. */
type WorkerEnv = Readonly<Record<string, unknown>>;

let app: ProxyApp | undefined;

function stringVariables(env: WorkerEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function misconfigured(error: ConfigError): Response {
  // The operator reads the exact variable in `wrangler tail`; callers only learn that it is broken.
  console.error(error.message);
  const body = errorBody(
    new ProxyError(
      'internal_error',
      'The proxy is not configured correctly. Its operator must check the Worker logs.',
    ),
  );
  return Response.json(body, { status: 500, headers: { 'Cache-Control': 'no-store' } });
}

/** Builds the app from the bindings; says once, loudly, when the rate limit is per isolate only. */
function createWorkerApp(env: WorkerEnv): ProxyApp {
  const config = loadConfig(stringVariables(env));
  const rateLimitBinding = readRateLimitBinding(env);
  if (rateLimitBinding === undefined) console.warn(MISSING_RATE_LIMIT_BINDING_WARNING);
  return createProxyApp(config, {
    clientIp: (c) => c.req.header('CF-Connecting-IP'),
    rateLimitBinding,
  });
}

/** The Worker: one app per isolate, built on the first request from the bindings. */
export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    try {
      app ??= createWorkerApp(env);
    } catch (error) {
      if (error instanceof ConfigError) return misconfigured(error);
      throw error;
    }
    return app.fetch(request, env, ctx);
  },
};
