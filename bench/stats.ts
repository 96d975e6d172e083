/** Summary statistics of timing samples. Medians, because a noisy machine skews means. */

/** Median and 95th percentile of a set of samples, in milliseconds. */
export interface TimingSummary {
  readonly runs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

/** The `p`-th percentile (0–100) by linear interpolation between closest ranks. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('No samples to summarise.');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = sorted[Math.floor(rank)] ?? 0;
  const above = sorted[Math.ceil(rank)] ?? below;
  return below + (above - below) * (rank - Math.floor(rank));
}

/** The middle sample (the mean of the two middle ones for an even count). */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Median and p95 of `samples`. */
export function summarise(samples: readonly number[]): TimingSummary {
  return { runs: samples.length, medianMs: median(samples), p95Ms: percentile(samples, 95) };
}

/** Milliseconds `task` takes, on the monotonic clock. */
export async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

/**
 * Times `a` and `b` once each. Odd rounds run `b` first, so that neither always runs right after
 * the other and inherits its warm caches or its garbage.
 */
export async function timePair(
  round: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[aMs: number, bMs: number]> {
  if (round % 2 === 0) {
    const aMs = await timed(a);
    return [aMs, await timed(b)];
  }
  const bMs = await timed(b);
  return [await timed(a), bMs];
}

/**
 * Runs each task once, starting at a different one each round, so that every task runs first,
 * second and last equally often over a run; results come back in the tasks' order.
 */
export async function runRotation<T>(
  round: number,
  tasks: readonly (() => Promise<T>)[],
): Promise<T[]> {
  const results: { index: number; value: T }[] = [];
  for (let step = 0; step < tasks.length; step += 1) {
    const index = (round + step) % tasks.length;
    const task = tasks[index];
    if (task) results.push({ index, value: await task() });
  }
  return results.sort((a, b) => a.index - b.index).map((result) => result.value);
}

/** Times each task once in rotating order (see {@link runRotation}); milliseconds in task order. */
export function timeRotation(
  round: number,
  tasks: readonly (() => Promise<unknown>)[],
): Promise<number[]> {
  return runRotation(
    round,
    tasks.map((task) => () => timed(task)),
  );
}

/** Runs `measure` for warm-up rounds and then `runs` rounds, keeping only the measured results. */
export async function measureRounds<T>(
  warmUps: number,
  runs: number,
  measure: (round: number) => Promise<T>,
): Promise<T[]> {
  const kept: T[] = [];
  for (let round = 0; round < warmUps + runs; round += 1) {
    const result = await measure(round);
    if (round >= warmUps) kept.push(result);
  }
  return kept;
}
