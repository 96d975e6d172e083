/** Middleware in front of every Instagram endpoint: count the call, then inject an armed fault. */
import { createMiddleware } from 'hono/factory';
import { SANDBOX_USERS } from './defaults';
import { faultResponse } from './fault-injection';
import { requestToken } from './request-token';
import type { InstagramEndpoint } from './sandbox-config';
import type { SandboxState } from './sandbox-state';

/** Counts every request to `endpoint` and answers with the next armed fault, if any. */
export function trackedEndpoint(state: SandboxState, endpoint: InstagramEndpoint) {
  return createMiddleware(async (c, next) => {
    state.calls.count(endpoint);
    const fault = state.faults.take(endpoint);
    if (!fault) {
      await next();
      return;
    }
    const token = requestToken(c);
    const lookup = token === undefined ? undefined : state.tokens.lookup(token);
    const owner =
      lookup?.status === 'valid' || lookup?.status === 'expired' ? lookup.record.userId : undefined;
    return faultResponse(c, fault, {
      held: state.held,
      appUsagePercent: state.config.appUsagePercent,
      appUsageForm: state.config.appUsageForm,
      businessId: owner ?? SANDBOX_USERS[0].user_id,
    });
  });
}
