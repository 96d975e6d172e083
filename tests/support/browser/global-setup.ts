import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../../../scripts/find-chromium';
import { JOURNAL_ENV } from './leak-journal';
import { describeReport, readJournal, scanForLeaks } from './leak-scan';

/**
 * Browser tests need a real Chromium. Without one they are skipped loudly on a developer machine
 * and fail on CI, where a skipped browser suite would look green while proving nothing.
 */
function checkChromium(): void {
  if (findChromium()) return;
  const banner = [
    '',
    '!'.repeat(78),
    '!! No Chromium found (CHROMIUM_PATH, /usr/bin/chromium, usual Chrome paths).',
    '!! Browser tests are SKIPPED. Install it: sudo apt-get install -y chromium',
    '!'.repeat(78),
    '',
  ].join('\n');
  if (process.env.CI) throw new Error(`${banner}\nCI is set, so a missing browser fails the run.`);
  process.stderr.write(`${banner}\n`);
}

/**
 * Checks for Chromium and opens the run's leak journal; the teardown scans everything the run
 * captured for every secret it produced, once, then deletes the journal and the profiles. A leak
 * fails the run, naming the secret (masked) and where it was found, and keeps the journal and the
 * profiles for a look (as `IGTT_E2E_KEEP_JOURNAL=1` always does).
 */
export default async function setup(): Promise<() => Promise<void>> {
  checkChromium();
  const dir = await mkdtemp(join(tmpdir(), 'igtt-e2e-journal-'));
  process.env[JOURNAL_ENV] = dir;

  return async () => {
    try {
      await scanJournal(dir);
    } catch (error) {
      // Vitest only logs an error thrown here, so the exit code says it too.
      process.exitCode = 1;
      throw error;
    }
  };
}

/**
 * Scans the journal in `dir` and prints the figures; throws naming each leak. Deletes the journal
 * and the profiles unless a leak was found or `IGTT_E2E_KEEP_JOURNAL=1`.
 */
async function scanJournal(dir: string): Promise<void> {
  const entries = await readJournal(dir);
  const report = await scanForLeaks(entries);
  const lines = describeReport(report);
  process.stdout.write(`\n${lines.join('\n')}\n`);
  await writeFile(join(dir, 'report.txt'), `${lines.join('\n')}\n`);
  if (report.leaks.length > 0 || process.env.IGTT_E2E_KEEP_JOURNAL === '1') {
    process.stdout.write(`The journal and the profiles are kept in ${dir}\n`);
  } else {
    for (const entry of entries) {
      if (entry.type === 'profile') await rm(entry.dir, { recursive: true, force: true });
    }
    await rm(dir, { recursive: true, force: true });
  }
  if (report.leaks.length > 0) {
    const leaks = lines.filter((line) => line.startsWith('  LEAK'));
    throw new Error(`${report.leaks.length} secrets leaked:\n${leaks.join('\n')}`);
  }
}
