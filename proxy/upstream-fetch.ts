/**
 * One call to Instagram or Facebook with a deadline and a size cap. Failures become
 * {@link ProxyError}s; the URL is never put in an error or a log, because Meta's URLs carry the
 * secret and tokens.
 */
import type { Deadline } from './deadline';
import { ProxyError } from './errors';
import type { UpstreamCall, UpstreamCallName } from './proxy-env';

/** The part of `fetch` the proxy uses; tests inject a fake. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Instagram's token replies are a few hundred bytes; anything far larger is not one. */
export const MAX_UPSTREAM_BYTES = 64 * 1024;

/** What an upstream call returned, read within {@link MAX_UPSTREAM_BYTES}. */
export interface UpstreamReply {
  readonly status: number;
  /** Response headers; only `Retry-After` and the usage headers are ever read. */
  readonly headers: Headers;
  readonly text: string;
}

/** How to make and report one upstream call. */
export interface UpstreamCallOptions {
  readonly fetch: FetchLike;
  /** Deadline of this call, headers and body included. */
  readonly timeoutMs: number;
  readonly name: UpstreamCallName;
  /** Receives the call's outcome for the request log. */
  readonly record: (call: UpstreamCall) => void;
  /** Who is called, as error messages name it (default `Instagram`). */
  readonly upstreamName?: string;
}

/** What every upstream call of one request shares: the client, its limits and its log. */
export interface UpstreamSession {
  /** Longest any one call may take (`PROXY_UPSTREAM_TIMEOUT_MS`). */
  readonly timeoutMs: number;
  /** The request's budget: no call outlives it. */
  readonly deadline: Deadline;
  readonly fetch: FetchLike;
  readonly record: (call: UpstreamCall) => void;
}

/** {@link callUpstream} with the session's client and log, and a timeout that fits its deadline. */
export function callWithinDeadline(
  session: UpstreamSession,
  url: string,
  init: RequestInit,
  name: UpstreamCallName,
  upstreamName?: string,
): Promise<UpstreamReply> {
  return callUpstream(url, init, {
    fetch: session.fetch,
    record: session.record,
    timeoutMs: session.deadline.timeoutFor(session.timeoutMs),
    name,
    upstreamName,
  });
}

/**
 * Sends one request and reads its body. The deadline covers headers and body together.
 * @throws {ProxyError} `upstream_timeout`, `upstream_error` (unreachable) or `upstream_bad_response` (too big).
 */
export async function callUpstream(
  url: string,
  init: RequestInit,
  options: UpstreamCallOptions,
): Promise<UpstreamReply> {
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  let outcome: UpstreamCall['status'] = 'network_error';
  let fbtraceId: string | null = null;
  try {
    // Never follow redirects: the upstream origin is fixed by configuration.
    const response = await options.fetch(url, {
      ...init,
      redirect: 'manual',
      signal: controller.signal,
    });
    outcome = response.status;
    fbtraceId = response.headers.get('x-fb-trace-id');
    return {
      status: response.status,
      headers: response.headers,
      text: await readBounded(response),
    };
  } catch (error) {
    if (error instanceof ProxyError) throw error;
    const upstreamName = options.upstreamName ?? 'Instagram';
    if (controller.signal.aborted) {
      outcome = 'timeout';
      throw new ProxyError(
        'upstream_timeout',
        `${upstreamName} did not answer within ${options.timeoutMs} ms. Try again in a moment.`,
        { cause: error },
      );
    }
    throw new ProxyError(
      'upstream_error',
      `${upstreamName} could not be reached from the proxy. Try again in a moment.`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
    options.record({
      call: options.name,
      status: outcome,
      ms: Math.round(performance.now() - started),
      ...(fbtraceId === null ? {} : { fbtrace_id: fbtraceId }),
    });
  }
}

async function readBounded(response: Response): Promise<string> {
  if (Number(response.headers.get('content-length')) > MAX_UPSTREAM_BYTES) {
    await response.body?.cancel();
    throw tooBig();
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > MAX_UPSTREAM_BYTES) {
      await reader.cancel();
      throw tooBig();
    }
    text += decoder.decode(value, { stream: true });
  }
}

function tooBig(): ProxyError {
  return new ProxyError(
    'upstream_bad_response',
    `The upstream sent a reply larger than ${MAX_UPSTREAM_BYTES} bytes, which is not a token reply.`,
  );
}
