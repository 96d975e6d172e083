/**
 * zod schemas for single configuration values. Their messages finish a sentence that starts with
 * the variable's name ("IG_CLIENT_ID must be …") and never quote the value, which may be a secret.
 */
import * as z from 'zod/mini';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The Instagram app id: digits only, as the exchange contract's `client_id` is. */
export const ClientIdSchema = z
  .string({ error: 'is missing: set it to the Instagram app id' })
  .check(
    z.minLength(1, 'is missing: set it to the Instagram app id'),
    z.regex(/^\d{1,32}$/, 'must be the numeric Instagram app id (not the Facebook app id)'),
  );

/** The Instagram app secret; inner whitespace is a copy-paste accident, never part of a secret. */
export const ClientSecretSchema = z
  .string({
    error: 'is missing: set it to the Instagram app secret',
  })
  .check(
    z.minLength(1, 'is missing: set it to the Instagram app secret'),
    z.maxLength(256, 'is longer than any Instagram app secret'),
    z.regex(/^\S+$/, 'contains whitespace (a stray newline or \\r?)'),
  );

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
