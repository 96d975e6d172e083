/** Responses parked by the `timeout` fault until the client gives up, a deadline, or shutdown. */
import { HOLD_TIMEOUT_MS } from './defaults';

/** Parks requests and lets the server release them all on close. */
export interface HeldRequests {
  /** Resolves when `signal` aborts, after the hold deadline, or on `releaseAll`. */
  hold(signal: AbortSignal): Promise<void>;
  releaseAll(): void;
  count(): number;
}

/** Creates an empty registry; `timeoutMs` caps how long any request is held. */
export function createHeldRequests(timeoutMs = HOLD_TIMEOUT_MS): HeldRequests {
  const releases = new Set<() => void>();
  return {
    hold(signal) {
      return new Promise<void>((resolve) => {
        const release = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', release);
          releases.delete(release);
          resolve();
        };
        const timer = setTimeout(release, timeoutMs);
        releases.add(release);
        if (signal.aborted) release();
        else signal.addEventListener('abort', release, { once: true });
      });
    },
    releaseAll() {
      for (const release of [...releases]) release();
    },
    count: () => releases.size,
  };
}
