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

/** Where a new Facebook Login profile points: Facebook's dialog and Graph hosts (the version is a field of its own). */
export const FACEBOOK_DEFAULTS = {
  authorizeUrl: import.meta.env.WXT_FB_DIALOG_URL ?? 'https://www.facebook.com',
  graphUrl: import.meta.env.WXT_FB_GRAPH_URL ?? 'https://graph.facebook.com',
};

/**
 * The Graph API version a Facebook Login profile starts with: current when this version of the
 * tool shipped (docs/instagram-contract.md, Facebook Login). A field in Settings changes it.
 */
export const DEFAULT_GRAPH_VERSION = 'v25.0';
