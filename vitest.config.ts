import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// WxtVitest does not load wxt.config.ts's Vite plugins, so Preact is added here too.
const extensionPlugins = () => [
  WxtVitest(),
  preact({ devToolsEnabled: false, prefreshEnabled: false }),
];

/**
 * Every project states its timeouts: vitest's 5 s default is sized for a fast, idle machine, and a
 * test's speed must never decide whether it passes. The figures leave several times the time each
 * suite takes on a 2-core machine running a second CPU-heavy job.
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: extensionPlugins(),
        test: {
          name: 'extension',
          environment: 'happy-dom',
          include: ['{utils,components,entrypoints,shared}/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/unit-setup.ts'],
          mockReset: true,
          restoreMocks: true,
          // PBKDF2 at 600,000 iterations runs several times in some vault tests.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: extensionPlugins(),
        test: {
          name: 'simulation',
          environment: 'node',
          include: ['tests/simulation/**/*.test.ts'],
          setupFiles: ['tests/support/unit-setup.ts'],
          mockReset: true,
          restoreMocks: true,
          // A simulated year is thousands of upkeep runs against the sandbox app: about 2–4 s
          // each on an idle 2-core machine, and several times that under load. Its work grows
          // with the machine's speed, so its limit is generous on purpose.
          testTimeout: 180_000,
        },
      },
      {
        test: {
          // Checks of the built extension; `npm run test:release` runs them after the builds.
          name: 'release',
          environment: 'node',
          include: ['tests/release/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['{proxy,sandbox,scripts,bench,cli}/**/*.test.ts'],
          // Real HTTP on loopback, and a fuzz run of thousands of requests.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
