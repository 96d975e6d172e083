import { findChromium } from '../../../scripts/find-chromium';

/**
 * Browser tests need a real Chromium. Without one they are skipped loudly on a developer machine
 * and fail on CI, where a skipped browser suite would look green while proving nothing.
 */
export default function checkChromium(): void {
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
