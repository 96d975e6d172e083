/**
 * The exchange proxy as a chained Hono app. `app.fetch` is a web-standard fetch handler, so the
 * same app runs on Node (`server.ts`) and on Cloudflare Workers (`worker.ts`).
 */
import { Hono, type Context } from 'hono';
import {
  DEBUG_PATH,
  EXCHANGE_BUDGET_MS,
  EXCHANGE_PATH,
  HEALTH_PATH,
  SETUP_CHECK_PATH,
} from '../shared/exchange-contract';
import { sleepFor, type Sleep } from './backoff';
import { checkSetup } from './check-setup';
import type { ProxyConfig } from './config';
import { startDeadline } from './deadline';
import { errorResponse } from './error-response';
import { ProxyError } from './errors';
import { exchangeCode } from './exchange-code';
import { inspectToken } from './inspect-token';
import { noStore } from './no-store';
import { corsForAllowedOrigins, originGuard } from './origin-policy';
import type { ProxyEnv } from './proxy-env';
import { rateLimit } from './rate-limit';
import { bindingRateLimit, type RateLimitBinding } from './rate-limit-binding';
import { readDebugRequest } from './read-debug-request';
import { readExchangeRequest } from './read-exchange-request';
import { jsonBodyLimit } from './read-json-body';
import { readSetupCheckRequest } from './read-setup-check-request';
import { requestLog, writeToStdout, type LogSink } from './request-log';
import type { FetchLike, UpstreamSession } from './upstream-fetch';

/** Seams for the outside world; every one has a production default. */
export interface ProxyDeps {
  /** Upstream HTTP client (default: the global `fetch`). */
  readonly fetch?: FetchLike;
  /** Where request log lines go (default: stdout). */
  readonly log?: LogSink;
  /** The clock that stamps `issued_at`. */
  readonly now?: () => Date;
  /** The client's IP address for the rate limit; the runtime entry knows where to find it. */
  readonly clientIp?: (c: Context) => string | undefined;
  /** Time budget of one exchange in ms (default: `EXCHANGE_BUDGET_MS`; tests use a small one). */
  readonly budgetMs?: number;
  /** Jitter source of the retry pauses, 0 ≤ x < 1 (default: `Math.random`). */
  readonly random?: () => number;
  /** How retry pauses wait (default: a timer). */
  readonly sleep?: Sleep;
  /**
   * The platform's shared limiter (the Workers Rate Limiting binding). Without it, requests are
   * counted in this instance's memory (`PROXY_RATE_LIMIT`).
   */
  readonly rateLimitBinding?: RateLimitBinding;
  /** Where one-line operational warnings go (default: `console.warn`). */
  readonly warn?: (message: string) => void;
}

/** Builds the proxy for a validated configuration. */
export function createProxyApp(config: ProxyConfig, deps: ProxyDeps = {}) {
  // Wrapped, because Workers reject `fetch` called as a method of another object.
  const upstreamFetch = deps.fetch ?? ((url, init) => fetch(url, init));
  const now = deps.now ?? (() => new Date());
  const budgetMs = deps.budgetMs ?? EXCHANGE_BUDGET_MS;
  const retry = { random: deps.random ?? Math.random, sleep: deps.sleep ?? sleepFor };
  const clientIp = deps.clientIp ?? (() => undefined);
  const memoryLimit = rateLimit(config.rateLimitPerMinute, clientIp);
  const limit =
    deps.rateLimitBinding === undefined
      ? memoryLimit
      : bindingRateLimit({
          binding: deps.rateLimitBinding,
          clientIp,
          backstop: memoryLimit,
          warn: deps.warn ?? ((message) => console.warn(message)),
        });
  const methodNotAllowed = (allow: string) => (c: Context<ProxyEnv>) => {
    c.header('Allow', allow);
    return errorResponse(
      c,
      new ProxyError('method_not_allowed', `${c.req.path} only answers ${allow} requests.`),
    );
  };

  /** The upstream clients of one request, sharing its budget and its log of upstream calls. */
  const upstreamFor = (c: Context<ProxyEnv>) => {
    const session: UpstreamSession = {
      timeoutMs: config.upstreamTimeoutMs,
      deadline: startDeadline(budgetMs),
      fetch: upstreamFetch,
      record: (call) => c.get('upstreamCalls').push(call),
    };
    return {
      instagram: { ...session, oauthBase: config.oauthBase, graphBase: config.graphBase },
      facebook: {
        ...session,
        graphBase: config.fbGraphBase,
        graphVersion: config.fbGraphVersion,
      },
    };
  };

  const app = new Hono<ProxyEnv>()
    .use(requestLog(deps.log ?? writeToStdout))
    .use(noStore())
    .use(originGuard(config.allowedOrigins, [SETUP_CHECK_PATH]))
    .use(corsForAllowedOrigins(config.allowedOrigins))
    .use(limit)
    .get(HEALTH_PATH, (c) => c.json({ ok: true }, 200))
    .all(HEALTH_PATH, methodNotAllowed('GET'))
    .post(EXCHANGE_PATH, jsonBodyLimit(), async (c) => {
      const request = await readExchangeRequest(c.req.raw);
      c.set('flavor', request.flavor ?? 'instagram');
      const result = await exchangeCode(request, {
        apps: config.apps,
        now,
        retry,
        ...upstreamFor(c),
      });
      c.set('longLived', result.long_lived);
      return c.json(result, 200);
    })
    .all(EXCHANGE_PATH, methodNotAllowed('POST'))
    .post(DEBUG_PATH, jsonBodyLimit(), async (c) => {
      const request = await readDebugRequest(c.req.raw);
      c.set('flavor', 'facebook');
      const result = await inspectToken(request, {
        apps: config.apps,
        facebook: upstreamFor(c).facebook,
      });
      return c.json(result, 200);
    })
    .all(DEBUG_PATH, methodNotAllowed('POST'))
    .post(SETUP_CHECK_PATH, jsonBodyLimit(), async (c) => {
      const request = await readSetupCheckRequest(c.req.raw);
      const result = checkSetup(request, c.req.header('Origin'), {
        apps: config.apps,
        allowedOrigins: config.allowedOrigins,
      });
      return c.json(result, 200);
    })
    .all(SETUP_CHECK_PATH, methodNotAllowed('POST'));

  app.notFound((c) =>
    errorResponse(
      c,
      new ProxyError(
        'not_found',
        `There is nothing at ${c.req.path.slice(0, 100)}. This proxy answers POST ${EXCHANGE_PATH}, POST ${DEBUG_PATH}, POST ${SETUP_CHECK_PATH} and GET ${HEALTH_PATH}.`,
      ),
    ),
  );
  app.onError((error, c) =>
    errorResponse(
      c,
      error instanceof ProxyError
        ? error
        : new ProxyError(
            'internal_error',
            'The proxy hit an unexpected problem. Try again; if it keeps happening, tell the proxy operator.',
            { cause: error },
          ),
    ),
  );
  return app;
}

/** The proxy app's type, for typed test clients. */
export type ProxyApp = ReturnType<typeof createProxyApp>;
