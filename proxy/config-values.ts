/**
 * zod schemas for single configuration values. Their messages finish a sentence that starts with
 * the variable's name ("IG_CLIENT_ID must be …") and never quote the value, which may be a secret.
 */
import * as z from 'zod/mini';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The app id of one login path: digits only, as the exchange contract's `client_id` is. */
function appIdSchema(missing: string, wrong: string) {
  return z.string({ error: missing }).check(z.minLength(1, missing), z.regex(/^\d{1,32}$/, wrong));
}

/** The app secret of one login path; inner whitespace is a copy-paste accident, never a secret. */
function appSecretSchema(missing: string, tooLong: string) {
  return z
    .string({ error: missing })
    .check(
      z.minLength(1, missing),
      z.maxLength(256, tooLong),
      z.regex(/^\S+$/, 'contains whitespace (a stray newline or \\r?)'),
    );
}

/** The Instagram app id. */
export const ClientIdSchema = appIdSchema(
  'is missing: set it to the Instagram app id',
  'must be the numeric Instagram app id (not the Facebook app id)',
);

/** The Instagram app secret. */
export const ClientSecretSchema = appSecretSchema(
  'is missing: set it to the Instagram app secret',
  'is longer than any Instagram app secret',
);

/** The Facebook App ID of a Facebook Login app (not the Instagram app id of the same Meta app). */
export const FacebookAppIdSchema = appIdSchema(
  'is missing: set it to the Facebook App ID',
  'must be the numeric Facebook App ID',
);

/** The Facebook app secret. */
export const FacebookAppSecretSchema = appSecretSchema(
  'is missing: set it to the Facebook app secret',
  'is longer than any Facebook app secret',
);

/** A Graph API version path segment such as `v25.0`. */
export const GraphVersionSchema = z
  .string()
  .check(z.regex(/^v\d{1,4}\.\d{1,4}$/, 'must be a Graph API version such as v25.0'));

/**
 * One registered redirect URI. Instagram compares them as exact strings, so they are kept as
 * typed; https is required except on loopback (Firefox's `http://127.0.0.1/mozoauth2/…`).
 */
export const RedirectUriSchema = z.string().check(
  z.refine((value) => isRedirectUri(value), {
    error: 'is not an absolute https:// URL without a #fragment (http:// only for 127.0.0.1)',
  }),
);

function isRedirectUri(value: string): boolean {
  if (!URL.canParse(value) || value.includes('#')) return false;
  const url = new URL(value);
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/** Literal entry of `PROXY_ALLOWED_ORIGINS` that lets every Firefox install in. */
export const ANY_FIREFOX_ORIGIN = 'moz-extension://*';

/**
 * One allowed browser origin: an exact Chrome extension origin, an exact Firefox one, or the
 * Firefox wildcard (Firefox picks a random origin per install).
 */
export const AllowedOriginSchema = z.string().check(
  z.refine((value) => isExtensionOrigin(value), {
    error: `is not an extension origin: use chrome-extension://<32-letter id> or ${ANY_FIREFOX_ORIGIN}`,
  }),
);

function isExtensionOrigin(value: string): boolean {
  return (
    value === ANY_FIREFOX_ORIGIN ||
    /^chrome-extension:\/\/[a-p]{32}$/.test(value) ||
    /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)
  );
}

/**
 * An upstream base URL (Instagram or the sandbox). Query strings and fragments are refused
 * because paths are appended to it; a trailing slash is dropped for the same reason.
 */
export const BaseUrlSchema = z.pipe(
  z.string().check(
    z.refine((value) => isBaseUrl(value), {
      error: 'is not an http(s) URL without a query string, fragment or credentials',
    }),
  ),
  z.transform((value) => value.replace(/\/+$/, '')),
);

function isBaseUrl(value: string): boolean {
  if (!URL.canParse(value) || value.includes('?') || value.includes('#')) return false;
  const url = new URL(value);
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.username === '' &&
    url.password === ''
  );
}

/** A listening host name or address. */
export const HostSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, 'must be a host name or IP address'));

/** A whole number written in decimal, bounded to a sensible range. */
export function integerSchema(min: number, max: number) {
  return z.pipe(
    z.string().check(z.regex(/^\d{1,9}$/, `must be a whole number from ${min} to ${max}`)),
    z
      .transform((value: string) => Number(value))
      .check(
        z.gte(min, `must be a whole number from ${min} to ${max}`),
        z.lte(max, `must be a whole number from ${min} to ${max}`),
      ),
  );
}
