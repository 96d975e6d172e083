/** Picks which configured Instagram app a request is for. */
import type { AppCredentials } from './config';
import { ProxyError } from './errors';

/**
 * The app named by `clientId`, or the only app when the request names none.
 * @throws {ProxyError} `invalid_request` for an unknown id, or no id while several apps are set up.
 */
export function selectApp(
  apps: readonly AppCredentials[],
  clientId: string | undefined,
): AppCredentials {
  if (clientId === undefined) {
    const [only, ...others] = apps;
    if (only !== undefined && others.length === 0) return only;
    throw new ProxyError(
      'invalid_request',
      'This proxy serves several Instagram apps; send client_id to say which one.',
    );
  }
  const app = apps.find((candidate) => candidate.clientId === clientId);
  if (app !== undefined) return app;
  throw new ProxyError(
    'invalid_request',
    `client_id ${clientId} is not configured on this proxy. Check the extension's client id, or add the app to the proxy's configuration.`,
  );
}
