import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const extensionCode = ['entrypoints/**', 'components/**', 'utils/**'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', '.tmp/**', 'node_modules/**', 'coverage/**'] },
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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/proxy/**', '**/sandbox/**', 'node:*'],
              message: 'Extension code must not import server code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['proxy/**'],
    // Tests run the proxy against the sandbox; the proxy itself never imports it.
    ignores: ['proxy/**/*.test.ts', 'proxy/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/utils/**', '**/components/**', '**/entrypoints/**', '**/sandbox/**'],
              message: 'The proxy must not import extension or sandbox code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/utils/**',
                '**/components/**',
                '**/entrypoints/**',
                '**/proxy/**',
                '**/sandbox/**',
                'node:*',
              ],
              message: 'shared/ depends on nothing but zod.',
            },
          ],
        },
      ],
    },
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
