/**
 * `POST /v1/setup-check` without the HTTP around it: what only the proxy knows about an app's
 * setup, as booleans. No call to Instagram, no secret in the answer.
 */
import type { SetupCheckRequest, SetupCheckResponse } from '../shared/exchange-contract';
import type { AppCredentials } from './config';
import { isOriginAllowed } from './origin-policy';

/** The configuration a setup check compares the request with. */
export interface SetupCheckDeps {
  readonly apps: readonly AppCredentials[];
  readonly allowedOrigins: readonly string[];
}

/**
 * Whether the proxy holds the app (and for which login), whether that app allows the redirect URI
 * exactly, and whether the request's `Origin` (undefined when none was sent) is allowed.
 */
export function checkSetup(
  request: SetupCheckRequest,
  origin: string | undefined,
  deps: SetupCheckDeps,
): SetupCheckResponse {
  const app = deps.apps.find((candidate) => candidate.clientId === request.client_id);
  return {
    client_id_known: app !== undefined,
    redirect_uri_allowed: app?.redirectUris.includes(request.redirect_uri) ?? false,
    origin_allowed: origin === undefined || isOriginAllowed(origin, deps.allowedOrigins),
    ...(app === undefined ? {} : { flavor: app.flavor }),
  };
}
