/**
 * The HTTP contract between the extension and the exchange proxy. Both sides import this file and
 * nothing else from each other, so a change here is a change to the wire format.
 */
import * as z from 'zod/mini';

/** Path of the endpoint that turns an authorization code into a 60-day token. */
export const EXCHANGE_PATH = '/v1/exchange';

/** Path of the liveness endpoint; it never calls Instagram. */
export const HEALTH_PATH = '/healthz';

/** Path of the endpoint that says what only the proxy knows about an app's setup. */
export const SETUP_CHECK_PATH = '/v1/setup-check';

/** Path of the endpoint that inspects a Facebook Login token with the app's `debug_token`. */
export const DEBUG_PATH = '/v1/debug';

/**
 * The two login paths a proxy app serves: Instagram Login (Instagram app id and secret) or
 * Facebook Login (Facebook App ID and secret), docs/instagram-contract.md §1 and §9.
 */
export const FLAVORS = ['instagram', 'facebook'] as const;
/** One login path. */
export type Flavor = (typeof FLAVORS)[number];

/**
 * The longest a whole `POST /v1/exchange` may take on the proxy, every Instagram call and retry
 * included. The proxy's configuration cannot exceed it, and the extension waits a little longer
 * ({@link EXCHANGE_CLIENT_TIMEOUT_MS}), so that it never gives up while the proxy is still
 * spending the code.
 */
export const EXCHANGE_BUDGET_MS = 25_000;

/** How long the extension waits for `POST /v1/exchange`: the proxy's budget plus the trip. */
export const EXCHANGE_CLIENT_TIMEOUT_MS = EXCHANGE_BUDGET_MS + 5_000;

/** An `expires_in` of about an hour marks the short-lived token of a failed long-lived exchange. */
export const SHORT_LIVED_SECONDS = 3600;

/** Longest code, redirect URI or client id the proxy accepts, well above anything Instagram issues. */
export const MAX_FIELD_LENGTH = 2048;

/**
 * An instant as `Date.prototype.toISOString` writes it. A plain pattern: `z.iso.datetime` would
 * cost the background 0.7 KB for formats the proxy never sends.
 */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

const ClientIdSchema = z.string().check(z.regex(/^\d{1,32}$/));
const FlavorSchema = z.enum(FLAVORS);
const RedirectUriSchema = z.string().check(z.minLength(1), z.maxLength(MAX_FIELD_LENGTH));

/** Body of `POST /v1/exchange`; unknown fields are rejected. */
export const ExchangeRequestSchema = z.strictObject({
  code: z.string().check(z.minLength(1), z.maxLength(MAX_FIELD_LENGTH)),
  redirect_uri: RedirectUriSchema,
  client_id: z.optional(ClientIdSchema),
  /**
   * The PKCE verifier (RFC 7636 §4.1: 43–128 unreserved characters) of the login's S256
   * challenge, forwarded to Instagram with the code. Whether Instagram checks it is unconfirmed.
   */
  code_verifier: z.optional(z.string().check(z.regex(/^[A-Za-z0-9._~-]{43,128}$/))),
  /** Which login produced the code; absent means `instagram`. It must match the app's flavor. */
  flavor: z.optional(FlavorSchema),
});
/** A validated exchange request. */
export type ExchangeRequest = z.infer<typeof ExchangeRequestSchema>;

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
  'upstream_busy',
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

/**
 * Successful reply of `POST /v1/exchange`. `user_id` is a string so that no digit is lost; it is
 * the app-scoped id of the code exchange, not the account id that `/me` reports.
 *
 * `long_lived` is false when the code was redeemed but Instagram kept refusing the long-lived
 * exchange within the proxy's budget: the reply then carries the short-lived token (about
 * {@link SHORT_LIVED_SECONDS} seconds) and Instagram's last refusal as `upstream_error`, so that a
 * good login is not wasted.
 */
export const ExchangeResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.literal('bearer'),
  expires_in: z.number().check(z.positive()),
  user_id: z.string().check(z.regex(/^\d+$/)),
  permissions: z.array(z.string()),
  issued_at: z.string().check(z.regex(ISO_INSTANT)),
  long_lived: z.boolean(),
  upstream_error: z.optional(UpstreamErrorSchema),
  /** The login path of the app that redeemed the code; the proxy always sets it. */
  flavor: z.optional(FlavorSchema),
  /** Facebook only: when the app loses access to the user's data (Unix seconds, §9.4). */
  data_access_expires_at: z.optional(z.number()),
});

/**
 * Body of `POST /v1/debug`: the Facebook Login token to inspect, and which app's `debug_token` to
 * ask (without `client_id`, the only Facebook Login app the proxy holds).
 */
export const DebugRequestSchema = z.strictObject({
  access_token: z.string().check(z.minLength(1), z.maxLength(MAX_FIELD_LENGTH)),
  client_id: z.optional(ClientIdSchema),
});
/** A validated debug request. */
export type DebugRequest = z.infer<typeof DebugRequestSchema>;

/**
 * Reply of `POST /v1/debug`: the `data` object of Facebook's `debug_token`, unwrapped, with every
 * field Facebook sent kept (docs/instagram-contract.md §9.4). `app_id` is always a string. A dead
 * input token is still a 200, with `is_valid: false` and `error`: that is the truth about the
 * token, not a failure of the proxy. `expires_at: 0` means the token does not expire.
 */
export const DebugTokenSchema = z.looseObject({
  app_id: z.string(),
  type: z.optional(z.string()),
  application: z.optional(z.string()),
  expires_at: z.optional(z.number()),
  data_access_expires_at: z.optional(z.number()),
  is_valid: z.boolean(),
  issued_at: z.optional(z.number()),
  scopes: z.array(z.string()),
  granular_scopes: z.optional(
    z.array(z.object({ scope: z.string(), target_ids: z.optional(z.array(z.string())) })),
  ),
  user_id: z.optional(z.string()),
  error: z.optional(
    z.looseObject({ code: z.number(), message: z.string(), subcode: z.optional(z.number()) }),
  ),
});
/** What `debug_token` says about a Facebook Login token. */
export type DebugToken = z.infer<typeof DebugTokenSchema>;

/** Body of `POST /v1/setup-check`: which app, and the redirect URI the extension uses. */
export const SetupCheckRequestSchema = z.strictObject({
  client_id: ClientIdSchema,
  redirect_uri: RedirectUriSchema,
});
/** A validated setup check request. */
export type SetupCheckRequest = z.infer<typeof SetupCheckRequestSchema>;

/**
 * Reply of `POST /v1/setup-check`: what only the proxy knows, as booleans. It makes no call to
 * Instagram and reveals no secret.
 */
export const SetupCheckResponseSchema = z.object({
  /** The proxy holds the secret of an app with this client ID. */
  client_id_known: z.boolean(),
  /** That app's allow-list holds this redirect URI exactly (false when the app is unknown). */
  redirect_uri_allowed: z.boolean(),
  /** The request's `Origin` is on the proxy's allow-list (true when it sent none). */
  origin_allowed: z.boolean(),
  /** The login path of the app with this client ID, when the proxy holds it. */
  flavor: z.optional(FlavorSchema),
});
/** A setup check's answer. */
export type SetupCheckResponse = z.infer<typeof SetupCheckResponseSchema>;

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
