/** How the bench writes its numbers, the same in the console and in BENCHMARKS.md. */

/** Milliseconds with enough decimals to tell sub-millisecond figures apart. */
export function formatMs(ms: number): string {
  const digits = Math.abs(ms) < 1 ? 3 : Math.abs(ms) < 100 ? 2 : 1;
  return `${ms.toFixed(digits)} ms`;
}

/** A difference in milliseconds, always signed, so that "slower by" reads at a glance. */
export function formatDeltaMs(ms: number): string {
  return `${ms >= 0 ? '+' : '−'}${formatMs(Math.abs(ms))}`;
}

/** Bytes as KB (1024 bytes) with one decimal, and the exact count. */
export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB (${bytes.toLocaleString('en-US')} B)`;
}

/** A ratio such as `×1.32`. */
export function formatRatio(ratio: number): string {
  return `×${ratio.toFixed(2)}`;
}

/** Requests per second, rounded. */
export function formatRate(perSecond: number): string {
  return `${Math.round(perSecond).toLocaleString('en-US')} req/s`;
}
