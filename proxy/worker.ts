/**
 * Cloudflare Workers entry (see wrangler.toml). Configuration comes from the Worker's variables and
 * secrets; the client IP from `CF-Connecting-IP`. No Node imports, and the few Workers types
 * needed are declared here so that type-checking works without @cloudflare/workers-types.
 */
import type { ExecutionContext } from 'hono';
import { createProxyApp, type ProxyApp } from './app';
import { loadConfig } from './config';
import { errorBody } from './error-response';
import { ConfigError, ProxyError } from './errors';

/** The Worker's bindings: variables and secrets are strings; anything else is ignored. */
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

/** The Worker: one app per isolate, built on the first request from the bindings. */
export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    try {
      app ??= createProxyApp(loadConfig(stringVariables(env)), {
        clientIp: (c) => c.req.header('CF-Connecting-IP'),
      });
    } catch (error) {
      if (error instanceof ConfigError) return misconfigured(error);
      throw error;
    }
    return app.fetch(request, env, ctx);
  },
};
