/** The extension's identity on Firefox, fixed by the gecko id in wxt.config.ts. */
import { createHash } from 'node:crypto';

/** `browser_specific_settings.gecko.id` of every Firefox build. */
export const GECKO_ID = 'token-tool-for-instagram@ig-token-tool.dev';

/**
 * What Firefox's `identity.getRedirectURL()` answers for an add-on: the SHA-1 of its id in hex,
 * under extensions.allizom.org. It depends on the id alone, so it is the same on every machine.
 */
export function firefoxRedirectUri(geckoId: string): string {
  const digest = createHash('sha1').update(geckoId).digest('hex');
  return `https://${digest}.extensions.allizom.org/`;
}

/** The redirect URI to register for Firefox. */
export const FIREFOX_REDIRECT_URI = firefoxRedirectUri(GECKO_ID);

/** Origins of the extension's pages in Firefox: each profile picks its own uuid, so any of them. */
export const FIREFOX_ORIGINS = 'moz-extension://*';
