import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'browser',
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    // Checks for Chromium, and at the end scans everything the run captured for leaked secrets.
    globalSetup: ['tests/support/browser/global-setup.ts'],
    // Two cores: one Chromium at a time keeps timings honest and the machine responsive.
    fileParallelism: false,
    // A real browser on a busy 2-core CI machine can miss a beat; one retry there, none locally,
    // so that flakiness shows up where it can be fixed.
    retry: process.env.CI ? 1 : 0,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The sandbox and the proxy run inside the test processes: what they print comes here, and
    // goes to the leak journal (tests/support/browser/leak-journal.ts, whose line format this
    // writes; Vite's config loader wants no relative TypeScript import) as well as the terminal.
    onConsoleLog(log, type) {
      const dir = process.env.IGTT_E2E_JOURNAL;
      if (!dir) return;
      const line = JSON.stringify({ type: 'log', source: `test process ${type}`, text: log });
      appendFileSync(join(dir, `journal-${process.pid}.jsonl`), `${line}\n`);
    },
  },
});
