/** The start-up line's account of the configured apps and their upstreams; never a secret. */
import type { ProxyConfig } from './config';

/**
 * `1 Instagram app(s); upstream https://api.instagram.com and https://graph.instagram.com`, with
 * the Facebook Login apps and their Graph base and version when there are any.
 */
export function describeApps(config: ProxyConfig): string {
  const instagram = config.apps.filter((app) => app.flavor === 'instagram').length;
  const facebook = config.apps.length - instagram;
  const parts: string[] = [];
  if (instagram > 0) {
    parts.push(
      `${instagram} Instagram app(s); upstream ${config.oauthBase} and ${config.graphBase}`,
    );
  }
  if (facebook > 0) {
    parts.push(
      `${facebook} Facebook Login app(s); upstream ${config.fbGraphBase}/${config.fbGraphVersion}`,
    );
  }
  return parts.join('; ');
}
