/**
 * Calls to Instagram's Graph host from the background, with every failure turned into a
 * {@link GraphError} that keeps Instagram's code and subcode for classification. Tokens go in the
 * `Authorization` header where Instagram accepts it, and no URL is ever logged.
 */
import * as z from 'zod/mini';
import {
  GraphErrorEnvelopeSchema,
  LongLivedTokenResponseSchema,
  parseJsonKeepingIds,
  type LongLivedTokenResponse,
} from '../shared/instagram-responses';
import { AppError, type ErrorCode } from './errors';
import { joinUrl } from './join-url';

/** Longest wait for Instagram; a service worker's fetch is cut off at 30 s anyway. */
export const GRAPH_TIMEOUT_MS = 15_000;

/** Meta's throttling codes: app, user, page, app limit, custom, and business use case (page, Instagram). */
export const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([4, 17, 32, 341, 613, 80001, 80002]);

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
  if (failure.code === 190 || failure.code === 102) {
    if (failure.subcode === 463) return 'token_expired';
    return failure.subcode === undefined ? 'token_invalid' : 'token_revoked';
  }
  if (failure.status === 429 || RATE_LIMIT_CODES.has(failure.code ?? -1)) return 'rate_limited';
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
          ? `Instagram refused the request: ${failure.message}`
          : undefined,
    });
    this.failure = failure;
  }
}

/** The highest percentage in an `X-App-Usage` header, if it is present and readable. */
export function readAppUsagePercent(headers: Headers): number | undefined {
  const parsed = z.record(z.string(), z.number()).safeParse(readJsonHeader(headers, 'x-app-usage'));
  return parsed.success ? Math.max(0, ...Object.values(parsed.data)) : undefined;
}

const BusinessUseCaseUsageSchema = z.record(
  z.string(),
  z.array(z.object({ estimated_time_to_regain_access: z.optional(z.number()) })),
);

function readJsonHeader(headers: Headers, name: string): unknown {
  try {
    return JSON.parse(headers.get(name) ?? 'null');
  } catch {
    return null;
  }
}

/**
 * How long Instagram asks us to wait: `Retry-After` in seconds, or the business use case header's
 * `estimated_time_to_regain_access` in minutes, whichever is longer.
 */
function readRetryAfterSeconds(headers: Headers): number | undefined {
  const retryAfter = Number(headers.get('retry-after'));
  const usage = BusinessUseCaseUsageSchema.safeParse(
    readJsonHeader(headers, 'x-business-use-case-usage'),
  );
  const regainMinutes = usage.success
    ? Math.max(
        0,
        ...Object.values(usage.data).flatMap((entries) =>
          entries.map((entry) => entry.estimated_time_to_regain_access ?? 0),
        ),
      )
    : 0;
  const seconds = Math.max(Number.isFinite(retryAfter) ? retryAfter : 0, regainMinutes * 60);
  return seconds > 0 ? seconds : undefined;
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
    response = await fetch(target, { headers, signal: AbortSignal.timeout(GRAPH_TIMEOUT_MS) });
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

/** The profile fields read at connect time; `/me` may answer flat or wrapped in `data`. */
const ProfileFieldsSchema = z.object({
  id: z.optional(z.string()),
  user_id: z.optional(z.string()),
  username: z.string().check(z.minLength(1)),
  account_type: z.optional(z.string()),
  profile_picture_url: z.optional(z.string()),
});
/** A profile as `/me` returns it. */
export type GraphProfile = z.infer<typeof ProfileFieldsSchema>;

const ProfileSchema = z.union([
  ProfileFieldsSchema,
  z.pipe(
    z.object({ data: z.tuple([ProfileFieldsSchema], ProfileFieldsSchema) }),
    z.transform((wrapped) => wrapped.data[0]),
  ),
]);

/** Reads `/me` with the given fields; a body of the wrong shape is an Instagram failure. */
export async function fetchProfile(
  graphUrl: string,
  token: string,
  fields: readonly string[],
): Promise<GraphProfile & { appUsagePercent?: number }> {
  const url = joinUrl(graphUrl, 'me');
  url.searchParams.set('fields', fields.join(','));
  const { body, appUsagePercent } = await getGraph(url, token);
  const profile = ProfileSchema.safeParse(body);
  if (!profile.success) throw new GraphError({ status: 200, malformed: true }, profile.error);
  return { ...profile.data, appUsagePercent };
}

/**
 * `GET {graph}/refresh_access_token?grant_type=ig_refresh_token`: a new 60-day token. The token
 * goes in the query because that is the only place Instagram documents for this endpoint.
 */
export async function requestRefresh(
  graphUrl: string,
  token: string,
): Promise<LongLivedTokenResponse> {
  const url = joinUrl(graphUrl, 'refresh_access_token');
  url.searchParams.set('grant_type', 'ig_refresh_token');
  const { body } = await getGraph(url, token, 'query');
  const parsed = LongLivedTokenResponseSchema.safeParse(body);
  if (!parsed.success) throw new GraphError({ status: 200, malformed: true }, parsed.error);
  return parsed.data;
}
