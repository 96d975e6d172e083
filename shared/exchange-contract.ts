/**
 * The HTTP contract between the extension and the exchange proxy. Both sides import this file and
 * nothing else from each other, so a change here is a change to the wire format.
 */
import * as z from 'zod/mini';

/** Path of the endpoint that turns an authorization code into a 60-day token. */
export const EXCHANGE_PATH = '/v1/exchange';

/** Path of the liveness endpoint; it never calls Instagram. */
export const HEALTH_PATH = '/healthz';

/** Longest code, redirect URI or client id the proxy accepts, well above anything Instagram issues. */
export const MAX_FIELD_LENGTH = 2048;

/** Body of `POST /v1/exchange`; unknown fields are rejected. */
export const ExchangeRequestSchema = z.strictObject({
  code: z.string().check(z.minLength(1), z.maxLength(MAX_FIELD_LENGTH)),
  redirect_uri: z.string().check(z.minLength(1), z.maxLength(MAX_FIELD_LENGTH)),
  client_id: z.optional(z.string().check(z.regex(/^\d{1,32}$/))),
});
/** A validated exchange request. */
export type ExchangeRequest = z.infer<typeof ExchangeRequestSchema>;

/** Successful reply of `POST /v1/exchange`. `user_id` is a string so that no digit is lost. */
export const ExchangeResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.literal('bearer'),
  expires_in: z.number().check(z.positive()),
  user_id: z.string().check(z.regex(/^\d+$/)),
  permissions: z.array(z.string()),
  issued_at: z.iso.datetime(),
});
/** A successful exchange. */
export type ExchangeResponse = z.infer<typeof ExchangeResponseSchema>;

/**
 * Every error code the proxy answers with, paired with its HTTP status in the README.
 * `internal_error` (500) only exists so that a bug still answers JSON without a stack trace.
 */
export const PROXY_ERROR_CODES = [
  'invalid_request',
  'redirect_uri_not_allowed',
  'origin_not_allowed',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'upstream_error',
  'upstream_bad_response',
  'upstream_timeout',
  'internal_error',
] as const;
/** One of the proxy's error codes. */
export type ProxyErrorCode = (typeof PROXY_ERROR_CODES)[number];

/** Instagram's own error, as the proxy passes it on (sanitised, never with a token or secret). */
export const UpstreamErrorSchema = z.object({
  type: z.optional(z.string()),
  code: z.optional(z.number()),
  subcode: z.optional(z.number()),
  message: z.optional(z.string()),
  fbtrace_id: z.optional(z.string()),
});
/** Instagram's error as carried in a proxy error body. */
export type UpstreamError = z.infer<typeof UpstreamErrorSchema>;

/** Body of every proxy error response. */
export const ProxyErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(PROXY_ERROR_CODES),
    message: z.string(),
    upstream: z.optional(UpstreamErrorSchema),
  }),
});
/** A proxy error body. */
export type ProxyErrorBody = z.infer<typeof ProxyErrorBodySchema>;
