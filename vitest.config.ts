import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        // WxtVitest does not load wxt.config.ts's Vite plugins, so Preact is added here too.
        plugins: [WxtVitest(), preact({ devToolsEnabled: false, prefreshEnabled: false })],
        test: {
          name: 'extension',
          environment: 'happy-dom',
          include: ['{utils,components,entrypoints,shared,tests/unit}/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/setup.ts'],
          mockReset: true,
          restoreMocks: true,
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['{proxy,sandbox,scripts,bench}/**/*.test.ts', 'tests/server/**/*.test.ts'],
        },
      },
    ],
  },
});
