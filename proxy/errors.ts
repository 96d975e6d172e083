/**
 * The proxy's typed errors. Handlers throw them; `app.onError` turns a {@link ProxyError} into the
 * JSON body of the shared contract, and the entries print a {@link ConfigError} as one line.
 */
import type { ProxyErrorCode, UpstreamError } from '../shared/exchange-contract';

/** A request the proxy refuses or could not complete, answered with `code` and `message`. */
export class ProxyError extends Error {
  /** One of the shared contract's error codes; it also fixes the HTTP status. */
  readonly code: ProxyErrorCode;
  /** Instagram's own error, when Instagram is the one that refused. */
  readonly upstream: UpstreamError | undefined;

  constructor(
    code: ProxyErrorCode,
    message: string,
    options: { cause?: unknown; upstream?: UpstreamError } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ProxyError';
    this.code = code;
    this.upstream = options.upstream;
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
