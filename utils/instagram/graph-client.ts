/**
 * Calls to Instagram's Graph host from the background, with every failure turned into a
 * {@link GraphError} that keeps Instagram's code and subcode for classification. Tokens go in the
 * `Authorization` header where Instagram accepts it, and no URL is ever logged.
 */
import { GraphErrorEnvelopeSchema, parseJsonKeepingIds } from '@/shared/instagram-responses';
import { words } from '@/utils/words';
import {
  TOKEN_ERROR_SUBCODES,
  isDeadTokenCode,
  isRateLimitCode,
} from '@/shared/instagram-error-codes';
import { AppError, type ErrorCode } from '@/utils/errors';
import { readAppUsagePercent, readRetryAfterSeconds } from './usage-headers';

/** Longest wait for Instagram; a service worker's fetch is cut off at 30 s anyway. */
export const GRAPH_TIMEOUT_MS = 15_000;

/** What went wrong with a Graph call. `status` is null when no answer arrived. */
export interface GraphFailure {
  status: number | null;
  code?: number;
  subcode?: number;
  type?: string;
  message?: string;
  fbtraceId?: string;
  retryAfterSeconds?: number;
  appUsagePercent?: number;
  /** The answer was not JSON, or not the expected shape: a fault on Instagram's side. */
  malformed?: boolean;
}

function errorCodeFor(failure: GraphFailure): ErrorCode {
  if (failure.status === null) return 'network_error';
  if (failure.malformed) return 'instagram_unavailable';
  if (isDeadTokenCode(failure.code)) {
    if (failure.subcode === TOKEN_ERROR_SUBCODES.expired) return 'token_expired';
    return failure.subcode === undefined ? 'token_invalid' : 'token_revoked';
  }
  if (failure.status === 429 || isRateLimitCode(failure.code)) return 'rate_limited';
  if (failure.status >= 500 || failure.code === 1 || failure.code === 2) {
    return 'instagram_unavailable';
  }
  return 'instagram_refused';
}

/** A failed Graph call, with Instagram's own error kept for the history panel. */
export class GraphError extends AppError {
  readonly failure: GraphFailure;

  constructor(failure: GraphFailure, cause?: unknown) {
    const code = errorCodeFor(failure);
    super(code, {
      cause,
      retryAfterMs:
        failure.retryAfterSeconds === undefined ? undefined : failure.retryAfterSeconds * 1000,
      message:
        code === 'instagram_refused' && failure.message
          ? words('request_refused', failure.message)
          : undefined,
    });
    this.failure = failure;
  }
}

/** A successful Graph answer. */
export interface GraphReply {
  body: unknown;
  appUsagePercent?: number;
}

/**
 * GETs a Graph URL and returns its parsed JSON body. `token` goes in the Authorization header,
 * or in the query for endpoints that only read it there (refresh).
 */
export async function getGraph(
  url: URL,
  token: string,
  tokenIn: 'header' | 'query' = 'header',
): Promise<GraphReply> {
  const target = new URL(url);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (tokenIn === 'query') target.searchParams.set('access_token', token);
  else headers.Authorization = `Bearer ${token}`;

  let response: Response;
  let text: string;
  try {
    response = await fetch(target, {
      headers,
      // A refresh carries the old token in its URL and the new one in its answer: neither may be
      // written to the browser's HTTP cache on disk, whatever caching headers Instagram sends.
      cache: 'no-store',
      signal: AbortSignal.timeout(GRAPH_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (cause) {
    throw new GraphError({ status: null }, cause);
  }
  const appUsagePercent = readAppUsagePercent(response.headers);
  let body: unknown;
  try {
    body = parseJsonKeepingIds(text);
  } catch (cause) {
    throw new GraphError({ status: response.status, appUsagePercent, malformed: true }, cause);
  }
  if (response.ok) return { body, appUsagePercent };
  const envelope = GraphErrorEnvelopeSchema.safeParse(body);
  const error = envelope.success ? envelope.data.error : {};
  throw new GraphError({
    status: response.status,
    code: error.code,
    subcode: error.error_subcode,
    type: error.type,
    message: error.message,
    fbtraceId: error.fbtrace_id,
    retryAfterSeconds: readRetryAfterSeconds(response.headers),
    appUsagePercent,
  });
}
