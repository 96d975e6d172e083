import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'browser',
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/support/browser/global-setup.ts'],
    // Two cores: one Chromium at a time keeps timings honest and the machine responsive.
    fileParallelism: false,
    // A real browser on a busy 2-core CI machine can miss a beat; one retry there, none locally,
    // so that flakiness shows up where it can be fixed.
    retry: process.env.CI ? 1 : 0,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
