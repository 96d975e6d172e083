/**
 * How much `npm run bench` measures and where it writes. The full run takes enough samples for
 * stable medians on a noisy machine and writes the committed files; `--quick` keeps every figure
 * with fewer samples and writes only under `.tmp/`, so CI can run it without dirtying the tree.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/** Sample counts and durations of one run. */
export interface BenchPlan {
  readonly mode: 'full' | 'quick';
  /** Account counts of the popup render chart; must include 100 and 1. */
  readonly renderCounts: readonly number[];
  /** Measured page loads per page and per account count. */
  readonly renderRuns: number;
  /** Unmeasured runs before each series. */
  readonly warmUps: number;
  readonly copyRuns: number;
  readonly coldStartRuns: number;
  readonly vaultRuns: number;
  readonly proxyClients: number;
  readonly proxySeconds: number;
  /** Rounds per server; each round loads both servers, in alternating order. */
  readonly proxyRounds: number;
  readonly proxyWarmUpSeconds: number;
  readonly sequentialSeconds: number;
  readonly cliRuns: number;
  readonly sealIterations: number;
  readonly unlockIterations: number;
  /** Where results, chart and markdown go. */
  readonly outputs: BenchOutputs;
}

/** Files a run writes. */
export interface BenchOutputs {
  readonly results: string;
  readonly chart: string;
  readonly markdown: string;
}

const FULL = {
  mode: 'full',
  renderCounts: [1, 10, 50, 100, 200],
  renderRuns: 15,
  warmUps: 2,
  copyRuns: 15,
  coldStartRuns: 15,
  vaultRuns: 25,
  proxyClients: 50,
  proxySeconds: 10,
  proxyRounds: 2,
  proxyWarmUpSeconds: 2,
  sequentialSeconds: 3,
  cliRuns: 15,
  sealIterations: 2000,
  unlockIterations: 5,
} as const;

const QUICK = {
  mode: 'quick',
  renderCounts: [1, 100],
  renderRuns: 5,
  warmUps: 1,
  copyRuns: 5,
  coldStartRuns: 5,
  vaultRuns: 5,
  proxyClients: 50,
  proxySeconds: 2,
  proxyRounds: 1,
  proxyWarmUpSeconds: 1,
  sequentialSeconds: 1,
  cliRuns: 3,
  sealIterations: 200,
  unlockIterations: 1,
} as const;

/** Reads `--quick` from the command line; anything else is a usage error. */
export function planBench(argv: readonly string[], projectRoot: string): BenchPlan {
  const { values } = parseArgs({
    args: [...argv],
    options: { quick: { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.quick) {
    const folder = join(projectRoot, '.tmp', 'bench');
    return {
      ...QUICK,
      outputs: {
        results: join(folder, 'results.json'),
        chart: join(folder, 'popup-render.svg'),
        markdown: join(folder, 'BENCHMARKS.md'),
      },
    };
  }
  return {
    ...FULL,
    outputs: {
      results: join(projectRoot, 'bench', 'results.json'),
      chart: join(projectRoot, 'bench', 'popup-render.svg'),
      markdown: join(projectRoot, 'BENCHMARKS.md'),
    },
  };
}
