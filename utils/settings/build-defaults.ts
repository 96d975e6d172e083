/**
 * Defaults baked in at build time from `WXT_*` environment variables, so that `npm start` can
 * point a fresh build at the local sandbox and proxy. Production builds fall back to Instagram.
 */

/** Settings a fresh install starts with. */
export const BUILD_DEFAULTS = {
  clientId: import.meta.env.WXT_CLIENT_ID ?? '',
  proxyUrl: import.meta.env.WXT_PROXY_URL ?? '',
  authorizeUrl: import.meta.env.WXT_AUTHORIZE_URL ?? 'https://www.instagram.com/oauth/authorize',
  graphUrl: import.meta.env.WXT_GRAPH_URL ?? 'https://graph.instagram.com',
};
