import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests read a few constants from the extension's code, which imports through `@/`.
  resolve: {
    alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./', import.meta.url)) }],
  },
  test: {
    name: 'firefox',
    environment: 'node',
    include: ['tests/firefox/**/*.firefox.ts'],
    globalSetup: ['tests/support/firefox/global-setup.ts'],
    // Two cores: one Firefox at a time keeps timings honest and the machine responsive.
    fileParallelism: false,
    // A real browser on a busy 2-core CI machine can miss a beat; one retry there, none locally,
    // so that flakiness shows up where it can be fixed.
    retry: process.env.CI ? 1 : 0,
    // Every test and hook states its own timeout (tests/support/firefox/launch-firefox.ts); these
    // only catch one that forgets.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
