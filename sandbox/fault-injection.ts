/** Armed failures for the next calls to an endpoint (`POST /__control/fail`) and their responses. */
import type { Context } from 'hono';
import { isRateLimitCode } from '../shared/instagram-error-codes';
import { injectedGraphError } from './facebook-errors';
import {
  permissionDeniedError,
  rateLimitError,
  serverError,
  unsupportedMethodError,
} from './graph-errors';
import { sendGraphFailure } from './graph-response';
import type { HeldRequests } from './held-requests';
import type { FaultableEndpoint, SandboxConfig, SandboxEndpoint } from './sandbox-config';
import { appUsageHeader, businessUseCaseHeader } from './usage-headers';

/** The ways an endpoint can be made to fail. */
export const FAULT_MODES = [
  'server_error',
  'timeout',
  'rate_limit',
  'garbage',
  'bad_shape',
  'unsupported_get',
  'permission_denied',
  'graph_error',
] as const;
/** One failure mode. */
export type FaultMode = (typeof FAULT_MODES)[number];

/** One failure to inject. */
export interface Fault {
  mode: FaultMode;
  /** Throttling code of `rate_limit` (4 unless a throttling code is given), or any Graph code of `graph_error`. */
  code: number;
  /** Subcode of `graph_error` (e.g. 36009, 463). */
  subcode?: number;
  /** Sent as `Retry-After` (and used for the BUC regain estimate) when given. */
  retryAfterSeconds?: number;
}

/** A failure still waiting for `remaining` calls. */
export interface ArmedFault extends Fault {
  remaining: number;
}

/** Armed failures per endpoint; arming again replaces the previous plan. */
export interface FaultPlan {
  arm(endpoint: FaultableEndpoint, fault: Fault, count: number): ArmedFault;
  /** The failure for this call, if one is armed; consumes one. */
  take(endpoint: SandboxEndpoint): Fault | undefined;
  pending(): Partial<Record<SandboxEndpoint, ArmedFault>>;
  clear(): void;
}

/** Creates a plan with nothing armed. */
export function createFaultPlan(): FaultPlan {
  const armed = new Map<SandboxEndpoint, ArmedFault>();
  return {
    arm(endpoint, fault, count) {
      const entry = { ...fault, remaining: count };
      armed.set(endpoint, entry);
      return { ...entry };
    },
    take(endpoint) {
      const entry = armed.get(endpoint);
      if (!entry) return undefined;
      entry.remaining -= 1;
      if (entry.remaining <= 0) armed.delete(endpoint);
      return {
        mode: entry.mode,
        code: entry.code,
        subcode: entry.subcode,
        retryAfterSeconds: entry.retryAfterSeconds,
      };
    },
    pending: () =>
      Object.fromEntries([...armed].map(([endpoint, entry]) => [endpoint, { ...entry }])),
    clear: () => armed.clear(),
  };
}

/** What a fault response needs besides the fault. */
export interface FaultContext {
  held: HeldRequests;
  appUsagePercent: number;
  appUsageForm: SandboxConfig['appUsageForm'];
  /** Key of the `X-Business-Use-Case-Usage` header: the caller's Instagram user id. */
  businessId: string;
}

/** Builds the response of an injected failure; `timeout` first waits until the client gives up. */
export async function faultResponse(c: Context, fault: Fault, context: FaultContext) {
  switch (fault.mode) {
    case 'server_error':
      return sendGraphFailure(c, serverError());
    case 'timeout':
      await context.held.hold(c.req.raw.signal);
      // Only a client that waited the full deadline (or a server shutting down) sees this.
      return sendGraphFailure(c, serverError());
    case 'rate_limit': {
      c.header('X-App-Usage', appUsageHeader(context.appUsageForm, 100, context.appUsagePercent));
      if (fault.retryAfterSeconds !== undefined) {
        c.header('Retry-After', String(fault.retryAfterSeconds));
      }
      if (fault.code === 80002) {
        const minutes = Math.max(1, Math.ceil((fault.retryAfterSeconds ?? 60) / 60));
        c.header('X-Business-Use-Case-Usage', businessUseCaseHeader(context.businessId, minutes));
      }
      return sendGraphFailure(c, rateLimitError(isRateLimitCode(fault.code) ? fault.code : 4));
    }
    case 'garbage':
      return c.html('<html><body><h1>Sorry, something went wrong.</h1></body></html>', 200);
    case 'bad_shape':
      return c.json({ unexpected: true }, 200);
    case 'unsupported_get':
      // The flaky answer of docs/instagram-contract.md §3.3, refused before the token is even
      // looked at, so the same short-lived token still works on the next call.
      return sendGraphFailure(c, unsupportedMethodError(c.req.method));
    case 'permission_denied':
      return sendGraphFailure(c, permissionDeniedError());
    case 'graph_error':
      return sendGraphFailure(c, injectedGraphError(fault.code, fault.subcode));
  }
}
