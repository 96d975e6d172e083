/** Per-endpoint request counters behind `GET /__control/calls`. */
import type { SandboxEndpoint } from './sandbox-config';

/** Counters as reported by the control API. */
export type CallCounts = Record<SandboxEndpoint | 'refreshTooEarly', number>;

/** Counts every request, failed and injected ones included, plus too-early refreshes. */
export interface CallCounter {
  count(endpoint: SandboxEndpoint): void;
  countRefreshTooEarly(): void;
  snapshot(): CallCounts;
  reset(): void;
}

function zeroCounts(): CallCounts {
  return {
    'oauth/authorize': 0,
    'oauth/access_token': 0,
    access_token: 0,
    refresh_access_token: 0,
    me: 0,
    'facebook/dialog/oauth': 0,
    'facebook/oauth/access_token': 0,
    'facebook/fb_exchange_token': 0,
    'facebook/debug_token': 0,
    'facebook/me': 0,
    'facebook/me/accounts': 0,
    'facebook/page': 0,
    refreshTooEarly: 0,
  };
}

/** Creates counters starting at zero. */
export function createCallCounter(): CallCounter {
  let counts = zeroCounts();
  return {
    count: (endpoint) => {
      counts[endpoint] += 1;
    },
    countRefreshTooEarly: () => {
      counts.refreshTooEarly += 1;
    },
    snapshot: () => ({ ...counts }),
    reset: () => {
      counts = zeroCounts();
    },
  };
}
