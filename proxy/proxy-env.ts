/** The Hono environment the proxy's middleware and handlers share. */
import type { Flavor, ProxyErrorCode } from '../shared/exchange-contract';

/** Which upstream endpoint a call went to; never its URL, which carries secrets. */
export type UpstreamCallName =
  | 'oauth/access_token'
  | 'access_token'
  | 'facebook/oauth/access_token'
  | 'facebook/fb_exchange_token'
  | 'facebook/debug_token';

/** The calls that try to extend a short-lived token, counted as `long_lived_attempts`. */
export const LONG_LIVED_CALLS: readonly UpstreamCallName[] = [
  'access_token',
  'facebook/fb_exchange_token',
];

/** One upstream call as it appears in the request log. */
export interface UpstreamCall {
  readonly call: UpstreamCallName;
  /** HTTP status, or what happened instead of a response. */
  readonly status: number | 'timeout' | 'network_error';
  readonly ms: number;
  readonly fbtrace_id?: string;
}

/** Per-request variables: filled by handlers, read by the request logger. */
export interface ProxyEnv {
  Variables: {
    upstreamCalls: UpstreamCall[];
    errorCode: ProxyErrorCode | undefined;
    /** Whether an exchange answered a long-lived token; unset for other requests. */
    longLived: boolean | undefined;
    /** The login path of an exchange or debug request once its app is known; unset otherwise. */
    flavor: Flavor | undefined;
  };
}
