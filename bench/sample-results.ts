/** A complete, plausible results object for the tests of the judge and the markdown writer. */
import type { BenchResults, LoadFigures, TimingSummary } from './results-schema';

/** A timing summary with the given median (and a p95 a little above it). */
export function timing(medianMs: number, runs = 15): TimingSummary {
  return { runs, medianMs, p95Ms: medianMs * 1.2 };
}

function load(reqPerSec: number, p50Ms: number, p99Ms: number): LoadFigures {
  return { requests: reqPerSec * 20, errors: 0, seconds: 20, reqPerSec, p50Ms, p99Ms };
}

/** Results in which every budget holds; tests change the figure they are about. */
export function sampleResults(): BenchResults {
  return {
    date: '2026-12-03T12:00:00.000Z',
    mode: 'full',
    machine: {
      node: 'v20.20.2',
      platform: 'linux',
      arch: 'x64',
      cpus: 2,
      cpuModel: 'AMD EPYC',
      chromium: 'Chromium 156.0.8078.114',
    },
    bundles: [
      {
        name: 'popup',
        files: ['popup.js'],
        rawBytes: 30_000,
        gzipBytes: 12_000,
        budgetBytes: 15_360,
      },
      {
        name: 'background',
        files: ['background.js'],
        rawBytes: 70_000,
        gzipBytes: 24_000,
        budgetBytes: 30_720,
      },
      { name: 'options', files: ['options.js'], rawBytes: 30_000, gzipBytes: 14_000 },
    ],
    proxyThroughput: {
      clients: 50,
      secondsPerRound: 10,
      rounds: 2,
      proxy: load(900, 50, 60),
      forwarder: load(1000, 49.5, 59),
      sequential: { proxy: load(400, 2.5, 4), forwarder: load(450, 2, 3) },
    },
    vaultNode: {
      sealOpen: timing(0.2),
      bareAesGcm: timing(0.15),
      overheadMs: 0.05,
      pbkdf2Unlock: timing(400, 5),
    },
    browser: {
      render: [1, 100].map((accounts) => ({
        accounts,
        popup: timing(100 + accounts),
        reference: timing(80 + accounts),
        extensionCopy: timing(90 + accounts),
        heading: timing(60),
        referenceHeading: timing(40),
        extensionCopyHeading: timing(50),
        getState: timing(10),
        stateBytes: 600 * accounts,
      })),
      copy: { accounts: 100, popup: timing(20), reference: timing(5) },
      vaultOpen: { tokens: 100, envelope: timing(3), bare: timing(1) },
      coldStart: [{ accounts: 1, cold: timing(40), warm: timing(8) }],
    },
    cli: { token: timing(95), help: timing(80), bareNode: timing(60), bundleBytes: 100_000 },
  };
}
