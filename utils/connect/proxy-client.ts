/**
 * The background's calls to the exchange proxy (`/v1/exchange`, `/v1/debug`, `/v1/setup-check`), with
 * each failure turned into an error the user can act on. The proxy's own error `code` decides the
 * error first; Instagram's message only refines a refusal.
 */
import * as z from 'zod/mini';
import { words } from '@/utils/words';
import {
  DEBUG_PATH,
  DebugTokenSchema,
  EXCHANGE_CLIENT_TIMEOUT_MS,
  EXCHANGE_PATH,
  ExchangeResponseSchema,
  ProxyErrorBodySchema,
  SETUP_CHECK_PATH,
  SetupCheckResponseSchema,
  type DebugRequest,
  type DebugToken,
  type ExchangeRequest,
  type ExchangeResponse,
  type ProxyErrorBody,
  type SetupCheckRequest,
  type SetupCheckResponse,
} from '@/shared/exchange-contract';
import { FACEBOOK_CODE_SUBCODES, isBusyCode } from '@/shared/instagram-error-codes';
import { parseJsonKeepingIds } from '@/shared/instagram-responses';
import { AppError, type ErrorCode } from '@/utils/errors';
import { joinUrl } from '@/utils/instagram/join-url';

/** A setup check makes no upstream call, so it answers fast or not at all. */
const SETUP_CHECK_TIMEOUT_MS = 10_000;

/** `/v1/debug` makes one call to Facebook; the proxy's own upstream deadline is shorter. */
const DEBUG_TIMEOUT_MS = 20_000;

/** Facebook's subcodes on a refused code, which say more than its messages. */
const UPSTREAM_SUBCODES: ReadonlyArray<readonly [number, ErrorCode]> = [
  [FACEBOOK_CODE_SUBCODES.expired, 'code_rejected'],
  [FACEBOOK_CODE_SUBCODES.used, 'code_rejected'],
  [FACEBOOK_CODE_SUBCODES.redirectMismatch, 'redirect_mismatch'],
];

/** Instagram's messages on a refused code, mapped to what the user can do about them. */
const UPSTREAM_MESSAGES: ReadonlyArray<readonly [RegExp, ErrorCode]> = [
  [/not found or was already used|has been used|expired/i, 'code_rejected'],
  [/invalid platform app/i, 'invalid_platform_app'],
  [/redirect_uri/i, 'redirect_mismatch'],
  [/code_verifier/i, 'code_rejected'],
];

function retryAfterMs(header: string | null): number {
  const seconds = Number(header ?? 60);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 60_000;
}

function proxyFailure(
  status: number,
  body: ProxyErrorBody | undefined,
  retryAfter: string | null,
): AppError {
  const error = body?.error;
  switch (error?.code) {
    case 'redirect_uri_not_allowed':
      return new AppError('redirect_not_allowed');
    case 'origin_not_allowed':
      return new AppError('origin_not_allowed');
    case 'rate_limited':
      return new AppError('proxy_rate_limited', { retryAfterMs: retryAfterMs(retryAfter) });
    case 'upstream_busy':
      return new AppError('instagram_busy', { retryAfterMs: retryAfterMs(retryAfter) });
    case 'upstream_error': {
      // A proxy that predates `upstream_busy` still passes Instagram's code on.
      if (isBusyCode(error.upstream?.code)) return new AppError('instagram_busy');
      const upstream = error.upstream?.message ?? '';
      const code =
        UPSTREAM_SUBCODES.find(([subcode]) => subcode === error.upstream?.subcode)?.[1] ??
        UPSTREAM_MESSAGES.find(([pattern]) => pattern.test(upstream))?.[1];
      if (code) return new AppError(code);
      return new AppError('instagram_refused', {
        message: upstream ? words('login_refused', upstream) : undefined,
      });
    }
    case 'upstream_bad_response':
    case 'upstream_timeout':
      return new AppError('instagram_unavailable');
    default:
      return new AppError(status >= 500 ? 'proxy_failed' : 'proxy_rejected', {
        message: error?.message,
      });
  }
}

/** POSTs `body` as JSON to `path` below the proxy URL and parses the reply with `schema`. */
async function postToProxy<T>(
  proxyUrl: string,
  path: string,
  body: unknown,
  schema: z.ZodMiniType<T>,
  timeoutMs: number,
): Promise<T> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(joinUrl(proxyUrl, path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      // The answer holds a token: never in the browser's HTTP cache, even behind a proxy that
      // forgets `Cache-Control: no-store`.
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (cause) {
    throw new AppError('proxy_unreachable', { cause });
  }
  let json: unknown;
  try {
    json = parseJsonKeepingIds(text);
  } catch (cause) {
    throw new AppError('proxy_failed', { cause });
  }
  if (!response.ok) {
    const parsed = ProxyErrorBodySchema.safeParse(json);
    throw proxyFailure(
      response.status,
      parsed.success ? parsed.data : undefined,
      response.headers.get('retry-after'),
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError('proxy_failed', { cause: parsed.error });
  return parsed.data;
}

/**
 * Sends the code to `POST {proxy}/v1/exchange` once (codes are single-use, so it is never
 * retried) and returns the token. It waits a little longer than the proxy's own budget, so that
 * it never gives up while the proxy is still spending the code.
 */
export function exchangeCode(
  proxyUrl: string,
  request: ExchangeRequest,
): Promise<ExchangeResponse> {
  return postToProxy(
    proxyUrl,
    EXCHANGE_PATH,
    request,
    ExchangeResponseSchema,
    EXCHANGE_CLIENT_TIMEOUT_MS,
  );
}

/** Asks the proxy what only it knows about this app's setup; it makes no call to Instagram. */
export function checkProxySetup(
  proxyUrl: string,
  request: SetupCheckRequest,
): Promise<SetupCheckResponse> {
  return postToProxy(
    proxyUrl,
    SETUP_CHECK_PATH,
    request,
    SetupCheckResponseSchema,
    SETUP_CHECK_TIMEOUT_MS,
  );
}

/**
 * Asks the proxy what Facebook's `debug_token` says about a Facebook Login token: only the proxy
 * holds the app token it needs. A dead token is an answer (`is_valid: false`), not an error.
 */
export function debugToken(proxyUrl: string, request: DebugRequest): Promise<DebugToken> {
  return postToProxy(proxyUrl, DEBUG_PATH, request, DebugTokenSchema, DEBUG_TIMEOUT_MS);
}
