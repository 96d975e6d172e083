/** The extension's identity on Chrome, pinned by the public key in wxt.config.ts. */

/** Chrome extension id of every build, on every machine. */
export const EXTENSION_ID = 'blocadghaajijcfckkjphjkhmmlcniff';

/** Origin of the extension's pages in Chrome. */
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;

/** The extension's popup document, opened as a tab. */
export const POPUP_URL = `${EXTENSION_ORIGIN}/popup.html`;
