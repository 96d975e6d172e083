import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/**
 * Public half of a fixed signing key. It pins the Chrome extension id to
 * blocadghaajijcfckkjphjkhmmlcniff on every machine, so the redirect URI to register with
 * Instagram (https://blocadghaajijcfckkjphjkhmmlcniff.chromiumapp.org/) never changes.
 */
const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAp862UZ1vvI5OibRFdF8fZMVnJ0hKYp3ojt6W5K55Dk0Gw28tgdbKQrojAVTjaKAvuCik2NJGAGyiR/UP0aNdtuEYrK0y7NPQ1AlPAwr/oe3z3k3HmlLqmizN7VhpK4dd30imogoStag4D66Yy+W2Pst9oiWkoJh75CsvEVJjQ2X9NIeK+xToEYCd7pJSJXKOte7O/fGIQrXeIUWFZVsyIQF7xXBIvWTTdo5EWx65rYYnN1ovmxTT6ZqDMFPOTn8eZyXrKnLTxIH32qAI4bdVdAvKKzHa5evLcPs7Gi0rWU7qsTbEvI2UVWrrm+o3LWh4NGcenCNX/mAwgUIlWji+5QIDAQAB';

/**
 * Tighter than MV3's default (`script-src 'self'; object-src 'self'`) on every point. connect-src
 * cannot name the proxy, whose address each user chooses, so it allows https: (and loopback, for
 * a proxy or the sandbox on this machine); the settings refuse plain http elsewhere. Images are
 * the profile pictures on Instagram's CDNs (and the sandbox's on loopback).
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "style-src 'self'",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "img-src 'self' data: https://*.cdninstagram.com https://*.fbcdn.net http://127.0.0.1:* http://localhost:*",
].join('; ');

/** Shared by the popup and the options page: Preact, the page helpers and the browser API. */
const PAGES_CHUNK_MODULES =
  /node_modules\/preact\/|\/utils\/page\/|\/wxt\/dist\/browser|\/clipboard\/clipboard-guard/;

/**
 * One chunk for what the pages share, instead of five small files that each compress alone.
 * Only the pages' build splits code; the background and the offscreen script are single files.
 */
function pagesChunk(): Plugin {
  return {
    name: 'igtt-pages-chunk',
    outputOptions(options) {
      if (options.codeSplitting === false || options.inlineDynamicImports === true) return null;
      return {
        ...options,
        manualChunks: (id: string) => (PAGES_CHUNK_MODULES.test(id) ? 'pages' : undefined),
      };
    },
  };
}

export default defineConfig({
  imports: false,
  // `npm start` and `npm run bench` build elsewhere, keeping the production build that tests load.
  outDir: process.env.IGTT_OUT_DIR ?? '.output',
  manifestVersion: 3,
  // The sources zip Firefox's add-on store asks for: everything git tracks, no build output.
  zip: { excludeSources: ['cli/dist/**', '.tmp/**'] },
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), pagesChunk()],
  }),
  manifest: ({ browser }) => ({
    name: 'Token Tool for Instagram',
    // The user-facing error texts live in public/_locales/en/messages.json (see utils/errors.ts).
    default_locale: 'en',
    description: 'Get an Instagram access token in one click, keep it encrypted and alive.',
    // clipboardRead lets a copied token be cleared only if the clipboard still holds it;
    // offscreen gives Chrome a document that outlives the popup to do so. nativeMessaging is
    // required rather than optional: turning on command-line access must not wait on a prompt
    // that headless browsers (and CI) never answer; the port opens only once access is on.
    permissions: [
      'identity',
      'storage',
      'alarms',
      'clipboardRead',
      'clipboardWrite',
      'nativeMessaging',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // Only the Graph APIs: Instagram's, and Facebook's for Facebook Login (its Pages lead to the
    // Instagram accounts). The proxy needs no host permission: it answers CORS for the
    // extension's own origin and refuses every other one.
    host_permissions: ['https://graph.instagram.com/*', 'https://graph.facebook.com/*'],
    optional_permissions: ['notifications'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'token-tool-for-instagram@ig-token-tool.dev',
              // 140 (the current ESR) is the first to know data_collection_permissions, which
              // addons.mozilla.org asks of every new add-on; Android learnt it in 142.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          key: EXTENSION_PUBLIC_KEY,
          // Declared empty: no web page and no other extension may message this one (Chrome
          // lets every extension connect when the key is absent). Firefox has no such key and
          // never lets web pages message an extension.
          externally_connectable: { ids: [], matches: [] },
        }),
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
  }),
});
