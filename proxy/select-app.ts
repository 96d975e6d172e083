/** Picks which configured app a request is for, and checks that its login path matches. */
import type { Flavor } from '../shared/exchange-contract';
import type { AppCredentials } from './config';
import { ProxyError } from './errors';

const FLAVOR_NAMES: Readonly<Record<Flavor, string>> = {
  instagram: 'an Instagram Login app',
  facebook: 'a Facebook Login app',
};

/**
 * The app named by `clientId`, or, when the request names none, the only app of the requested
 * flavor. The app's flavor must be the request's: an Instagram code cannot be redeemed by a
 * Facebook app, nor the reverse.
 * @throws {ProxyError} `invalid_request` for an unknown id, a flavor mismatch, or no id while the
 *   flavor has no app or several.
 */
export function selectApp(
  apps: readonly AppCredentials[],
  clientId: string | undefined,
  flavor: Flavor,
): AppCredentials {
  if (clientId === undefined) {
    const [only, ...others] = apps.filter((app) => app.flavor === flavor);
    if (only !== undefined && others.length === 0) return only;
    if (only !== undefined) {
      throw new ProxyError(
        'invalid_request',
        `This proxy serves several ${flavorLabel(flavor)}s; send client_id to say which one.`,
      );
    }
    const [single, ...more] = apps;
    if (single !== undefined && more.length === 0) throw flavorMismatch(single, flavor);
    throw new ProxyError(
      'invalid_request',
      `This proxy serves no ${flavorLabel(flavor)} that a request without client_id could mean; send client_id to say which app.`,
    );
  }
  const app = apps.find((candidate) => candidate.clientId === clientId);
  if (app === undefined) {
    throw new ProxyError(
      'invalid_request',
      `client_id ${clientId} is not configured on this proxy. Check the extension's client id, or add the app to the proxy's configuration.`,
    );
  }
  if (app.flavor !== flavor) throw flavorMismatch(app, flavor);
  return app;
}

/** "Instagram Login app" or "Facebook Login app". */
function flavorLabel(flavor: Flavor): string {
  return FLAVOR_NAMES[flavor].replace(/^an? /, '');
}

function flavorMismatch(app: AppCredentials, requested: Flavor): ProxyError {
  return new ProxyError(
    'invalid_request',
    `client_id ${app.clientId} is ${FLAVOR_NAMES[app.flavor]} on this proxy, but the request is for ${FLAVOR_NAMES[requested]} (flavor "${requested}"). Use the app of the login you ran, or set the app's flavor in the proxy's configuration.`,
  );
}
