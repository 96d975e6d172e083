/** How long a wrong passphrase makes the next try wait: 1 s, 2 s, 4 s … capped at 5 minutes. */

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 5 * 60_000;

/** The wait imposed after `failures` consecutive wrong passphrases. */
export function unlockDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - 1), MAX_DELAY_MS);
}
