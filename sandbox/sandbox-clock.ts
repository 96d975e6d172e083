/** The sandbox's own time: real time plus an offset that tests move forward. */

/** A clock every expiry and age check reads, so tests can jump days ahead. */
export interface SandboxClock {
  /** Sandbox time in ms since the epoch. */
  now(): number;
  /** Moves sandbox time forward. */
  advance(seconds: number): void;
  /** Goes back to real time. */
  reset(): void;
}

/** Creates a clock on top of `realNow`. */
export function createSandboxClock(realNow: () => number = Date.now): SandboxClock {
  let offsetMs = 0;
  return {
    now: () => realNow() + offsetMs,
    advance: (seconds) => {
      offsetMs += seconds * 1000;
    },
    reset: () => {
      offsetMs = 0;
    },
  };
}
