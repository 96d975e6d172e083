/** `chrome` as seen by functions that browser tests evaluate inside the extension's worker. */
declare const chrome: typeof import('@wxt-dev/browser').Browser;
