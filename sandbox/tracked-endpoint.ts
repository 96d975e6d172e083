/** Middleware in front of every sandbox endpoint: count the call, then inject an armed fault. */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { SANDBOX_USERS } from './defaults';
import { faultResponse } from './fault-injection';
import { requestToken } from './request-token';
import type { SandboxEndpoint } from './sandbox-config';
import type { SandboxState } from './sandbox-state';

/** Counts every request to `endpoint` and answers with the next armed fault, if any. */
export function trackedEndpoint(state: SandboxState, endpoint: SandboxEndpoint) {
  return createMiddleware(async (c, next) => {
    const failed = await trackCall(state, endpoint, c);
    if (failed !== undefined) return failed;
    await next();
  });
}

/**
 * Counts one request to `endpoint` and returns the response of the next armed fault, if any; for
 * handlers that learn which endpoint they serve only from the request (Facebook's grant types).
 */
export async function trackCall(
  state: SandboxState,
  endpoint: SandboxEndpoint,
  c: Context,
): Promise<Response | undefined> {
  state.calls.count(endpoint);
  const fault = state.faults.take(endpoint);
  if (!fault) return undefined;
  const token = requestToken(c);
  const lookup = token === undefined ? undefined : state.tokens.lookup(token);
  const owner =
    lookup?.status === 'valid' || lookup?.status === 'expired' ? lookup.record.userId : undefined;
  return faultResponse(c, fault, {
    held: state.held,
    appUsagePercent: state.config.appUsagePercent,
    // graph.facebook.com sends the documented form whatever the Instagram switch says (§7.2).
    appUsageForm: endpoint.startsWith('facebook/') ? 'facebook' : state.config.appUsageForm,
    businessId: owner ?? SANDBOX_USERS[0].user_id,
  });
}
