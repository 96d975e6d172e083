import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * Public half of a fixed signing key. It pins the Chrome extension id to
 * blocadghaajijcfckkjphjkhmmlcniff on every machine, so the redirect URI to register with
 * Instagram (https://blocadghaajijcfckkjphjkhmmlcniff.chromiumapp.org/) never changes.
 */
const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAp862UZ1vvI5OibRFdF8fZMVnJ0hKYp3ojt6W5K55Dk0Gw28tgdbKQrojAVTjaKAvuCik2NJGAGyiR/UP0aNdtuEYrK0y7NPQ1AlPAwr/oe3z3k3HmlLqmizN7VhpK4dd30imogoStag4D66Yy+W2Pst9oiWkoJh75CsvEVJjQ2X9NIeK+xToEYCd7pJSJXKOte7O/fGIQrXeIUWFZVsyIQF7xXBIvWTTdo5EWx65rYYnN1ovmxTT6ZqDMFPOTn8eZyXrKnLTxIH32qAI4bdVdAvKKzHa5evLcPs7Gi0rWU7qsTbEvI2UVWrrm+o3LWh4NGcenCNX/mAwgUIlWji+5QIDAQAB';

export default defineConfig({
  imports: false,
  // `npm start` and `npm run bench` build elsewhere, keeping the production build that tests load.
  outDir: process.env.IGTT_OUT_DIR ?? '.output',
  manifestVersion: 3,
  vite: () => ({ plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })] }),
  manifest: ({ browser }) => ({
    name: 'Token Tool for Instagram',
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
    host_permissions: ['https://graph.instagram.com/*'],
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    optional_permissions: ['notifications'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'token-tool-for-instagram@ig-token-tool.dev',
              strict_min_version: '121.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { key: EXTENSION_PUBLIC_KEY }),
    content_security_policy: {
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'self'; connect-src 'self' https: http://127.0.0.1:* http://localhost:*; img-src 'self' data: https: http://127.0.0.1:* http://localhost:*; style-src 'self'",
    },
  }),
});
