/**
 * One JSON line per request: method, path, status, duration, the upstream calls' statuses and,
 * for an exchange, how many long-lived attempts it took and whether the token is long-lived.
 * It never holds a body, a query string, a header value or an upstream URL, because those carry
 * the code, tokens and the app secret.
 */
import type { MiddlewareHandler } from 'hono';
import { LONG_LIVED_CALLS, type ProxyEnv } from './proxy-env';

/** Receives each finished log line; tests pass a collector. */
export type LogSink = (line: string) => void;

/** The default sink: standard output, where container platforms collect logs. */
export const writeToStdout: LogSink = (line) => {
  console.log(line);
};

const MAX_PATH_LENGTH = 100;
/** Long unbroken runs look like tokens or codes someone put in a path; they are masked. */
const SECRET_LIKE_RUN = /[A-Za-z0-9_.~%-]{24,}/g;

/** Masks token-like runs and truncates, so a path sent by a client cannot smuggle a secret in. */
export function maskPath(path: string): string {
  return path.slice(0, MAX_PATH_LENGTH).replace(SECRET_LIKE_RUN, '[masked]');
}

/** Logs each request after its response is ready, and tags the response with a request id. */
export function requestLog(log: LogSink): MiddlewareHandler<ProxyEnv> {
  return async (c, next) => {
    const started = performance.now();
    const id = crypto.randomUUID();
    c.set('upstreamCalls', []);
    c.set('errorCode', undefined);
    c.set('longLived', undefined);
    c.set('flavor', undefined);
    await next();
    c.res.headers.set('X-Request-Id', id);
    const errorCode = c.get('errorCode');
    const longLived = c.get('longLived');
    const upstream = c.get('upstreamCalls');
    const flavor = c.get('flavor');
    const longLivedAttempts = upstream.filter((call) =>
      LONG_LIVED_CALLS.includes(call.call),
    ).length;
    const line = JSON.stringify({
      time: new Date().toISOString(),
      id,
      method: c.req.method.slice(0, 16),
      path: maskPath(c.req.path),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      upstream,
      ...(flavor === undefined ? {} : { flavor }),
      ...(longLivedAttempts === 0 ? {} : { long_lived_attempts: longLivedAttempts }),
      ...(longLived === undefined ? {} : { long_lived: longLived }),
      ...(errorCode === undefined ? {} : { error: errorCode }),
    });
    try {
      log(line);
    } catch {
      // A broken log sink must not turn a finished answer into an error.
    }
  };
}
