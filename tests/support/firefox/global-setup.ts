import { findFirefox } from '../../../scripts/find-firefox';

/**
 * The Firefox tests need a real Firefox. Without one they are skipped loudly on a developer
 * machine and fail on CI, where a skipped browser suite would look green while proving nothing.
 */
export default function checkFirefox(): void {
  if (findFirefox()) return;
  const banner = [
    '',
    '!'.repeat(78),
    '!! No Firefox found (FIREFOX_PATH, /usr/bin/firefox-esr, usual Firefox paths).',
    '!! Firefox tests are SKIPPED. Install it: sudo apt-get install -y firefox-esr',
    '!'.repeat(78),
    '',
  ].join('\n');
  if (process.env.CI) throw new Error(`${banner}\nCI is set, so a missing browser fails the run.`);
  process.stderr.write(`${banner}\n`);
}
