import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const extensionCode = ['entrypoints/**', 'components/**', 'utils/**'];

/** A rule that forbids the folders in `group` to the files it is applied to, saying why. */
function forbidImports(group, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] };
}

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', '.tmp/**', 'node_modules/**', 'coverage/**'] },
  // `npm run build:cli`'s bundles.
  { ignores: ['cli/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // expect.any() and asymmetric matchers are typed `any` by design.
    files: ['**/*.test.{ts,tsx}', 'tests/**'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The extension and the proxy never import each other; both may use shared/.
    files: extensionCode,
    rules: {
      'no-console': 'error',
      ...forbidImports(
        ['**/proxy/**', '**/sandbox/**', '**/cli/**', 'node:*'],
        'Extension code must not import server or command-line code.',
      ),
    },
  },
  {
    // Pages stay small and hold no secrets: they never bundle zod or wxt/utils/storage (the
    // popup's 15 KB budget has no room for them, and the background validates everything), and
    // they use background-side code for its types only. `npm run size` checks the built chunks.
    files: ['components/**', 'utils/page/**', 'entrypoints/popup/**', 'entrypoints/options/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', 'zod/*'],
              message:
                'Pages never import zod: the background validates every request, and the popup has no room for it.',
            },
            {
              group: ['wxt/utils/storage', '@wxt-dev/storage'],
              message:
                'Pages read and change state through the background (utils/page/send-request), never storage directly.',
            },
            {
              group: [
                '@/utils/background/*',
                '@/utils/connect/*',
                '@/utils/instagram/*',
                '@/utils/vault/*',
                '@/utils/clipboard/schedule-clear',
                '@/utils/settings/*',
                '!@/utils/settings/secure-url',
                '!@/utils/settings/request-permissions',
                '!@/utils/settings/select-profile',
                '!@/utils/settings/switch-flavor',
                '!@/utils/settings/profile-endpoints',
                '@/utils/upkeep/*',
                '!@/utils/upkeep/account-status',
                '!@/utils/upkeep/refresh-policy',
                '@/utils/messages',
              ],
              allowTypeImports: true,
              message:
                'This is background-side code: pages may import its types, and talk to it through utils/page/send-request.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['proxy/**'],
    // Tests run the proxy against the sandbox; the proxy itself never imports it.
    ignores: ['proxy/**/*.test.ts'],
    rules: forbidImports(
      ['**/utils/**', '**/components/**', '**/entrypoints/**', '**/sandbox/**'],
      'The proxy must not import extension or sandbox code.',
    ),
  },
  {
    // The igtt CLI and its native host are Node programs beside the extension: they share only
    // shared/ with it, and speak to it through the bridge protocol, never its code.
    files: ['cli/**'],
    rules: forbidImports(
      ['**/utils/**', '**/components/**', '**/entrypoints/**', '**/proxy/**', '**/sandbox/**'],
      'The CLI and its host must not import extension, proxy or sandbox code.',
    ),
  },
  {
    files: ['shared/**'],
    rules: forbidImports(
      [
        '**/utils/**',
        '**/components/**',
        '**/entrypoints/**',
        '**/proxy/**',
        '**/sandbox/**',
        'node:*',
      ],
      'shared/ depends on nothing but zod.',
    ),
  },
  {
    files: ['entrypoints/background.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'There is no window in a service worker.' },
      ],
    },
  },
);
