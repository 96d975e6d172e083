/**
 * The proxy's typed errors. Handlers throw them; `app.onError` turns a {@link ProxyError} into the
 * JSON body of the shared contract, and the entries print a {@link ConfigError} as one line.
 */
import type { ProxyErrorCode, UpstreamError } from '../shared/exchange-contract';

/** What a {@link ProxyError} may carry besides its code and message. */
export interface ProxyErrorOptions {
  readonly cause?: unknown;
  /** Instagram's own error, when Instagram is the one that refused. */
  readonly upstream?: UpstreamError;
  /** HTTP status of Instagram's reply, when there was one; it tells a 5xx from a refusal. */
  readonly upstreamStatus?: number;
  /** Sent as `Retry-After` (seconds) with the answer. */
  readonly retryAfterSeconds?: number;
}

/** A request the proxy refuses or could not complete, answered with `code` and `message`. */
export class ProxyError extends Error {
  /** One of the shared contract's error codes; it also fixes the HTTP status. */
  readonly code: ProxyErrorCode;
  /** Instagram's own error, when Instagram is the one that refused. */
  readonly upstream: UpstreamError | undefined;
  /** HTTP status of Instagram's reply, when there was one. */
  readonly upstreamStatus: number | undefined;
  /** Seconds the caller should wait before trying again, sent as `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ProxyErrorCode, message: string, options: ProxyErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'ProxyError';
    this.code = code;
    this.upstream = options.upstream;
    this.upstreamStatus = options.upstreamStatus;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Start-up configuration that cannot work. The message names the variable and never its value. */
export class ConfigError extends Error {
  /** Always `invalid_config`, so callers can tell it from other start-up failures. */
  readonly code = 'invalid_config';
  /** The environment variable (or `PROXY_CONFIG` entry) at fault. */
  readonly variable: string;

  constructor(variable: string, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ConfigError';
    this.variable = variable;
  }
}
