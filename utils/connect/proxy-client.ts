/** The background's call to the exchange proxy, with each failure turned into an actionable error. */
import {
  EXCHANGE_PATH,
  ExchangeResponseSchema,
  ProxyErrorBodySchema,
  type ExchangeRequest,
  type ExchangeResponse,
  type ProxyErrorBody,
} from '@/shared/exchange-contract';
import { parseJsonKeepingIds } from '@/shared/instagram-responses';
import { AppError, type ErrorCode } from '@/utils/errors';
import { joinUrl } from '@/utils/join-url';

/** The proxy itself waits up to 10 s for Instagram, twice; this leaves it room to answer. */
const PROXY_TIMEOUT_MS = 25_000;

/** Instagram's messages on a refused code, mapped to what the user can do about them. */
const UPSTREAM_MESSAGES: ReadonlyArray<readonly [RegExp, ErrorCode]> = [
  [/not found or was already used|has been used|expired/i, 'code_rejected'],
  [/invalid platform app/i, 'invalid_platform_app'],
  [/redirect_uri/i, 'redirect_mismatch'],
];

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
      return new AppError('proxy_rate_limited', {
        retryAfterMs: Number(retryAfter ?? 60) * 1000 || 60_000,
      });
    case 'upstream_error': {
      const upstream = error.upstream?.message ?? '';
      const code = UPSTREAM_MESSAGES.find(([pattern]) => pattern.test(upstream))?.[1];
      if (code) return new AppError(code);
      return new AppError('instagram_refused', {
        message: upstream ? `Instagram refused the login: ${upstream}` : undefined,
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

/**
 * Sends the code to `POST {proxy}/v1/exchange` once (codes are single-use, so it is never
 * retried) and returns the long-lived token.
 */
export async function exchangeCode(
  proxyUrl: string,
  request: ExchangeRequest,
): Promise<ExchangeResponse> {
  const url = joinUrl(proxyUrl, EXCHANGE_PATH);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(PROXY_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (cause) {
    throw new AppError('proxy_unreachable', { cause });
  }
  let body: unknown;
  try {
    body = parseJsonKeepingIds(text);
  } catch (cause) {
    throw new AppError('proxy_failed', { cause });
  }
  if (!response.ok) {
    const parsed = ProxyErrorBodySchema.safeParse(body);
    throw proxyFailure(
      response.status,
      parsed.success ? parsed.data : undefined,
      response.headers.get('retry-after'),
    );
  }
  const parsed = ExchangeResponseSchema.safeParse(body);
  if (!parsed.success) throw new AppError('proxy_failed', { cause: parsed.error });
  return parsed.data;
}
