/**
 * The shape of `bench/results.json`. The bench writes it and the BENCHMARKS.md writer reads it
 * back, so it is validated on the way in rather than trusted.
 */
import * as z from 'zod/mini';

/** Median and 95th percentile of a set of timings. */
export const TimingSummarySchema = z.object({
  runs: z.number(),
  medianMs: z.number(),
  p95Ms: z.number(),
});

/** One part of the built extension, as `npm run size` measures it. */
export const BundleSchema = z.object({
  name: z.enum(['popup', 'background', 'options']),
  files: z.array(z.string()),
  rawBytes: z.number(),
  gzipBytes: z.number(),
  budgetBytes: z.optional(z.number()),
});

/** Where the figures were taken. */
export const MachineSchema = z.object({
  node: z.string(),
  platform: z.string(),
  arch: z.string(),
  cpus: z.number(),
  cpuModel: z.string(),
  /** Null when no Chromium was found. */
  chromium: z.nullable(z.string()),
});

/** The popup and its static copy with `accounts` stored accounts. */
export const RenderPointSchema = z.object({
  accounts: z.number(),
  /** Navigation start to every card in the DOM and laid out. */
  popup: TimingSummarySchema,
  /** The same for a static page on 127.0.0.1 holding the popup's rendered markup and CSS. */
  reference: TimingSummarySchema,
  /** The same static page served from the extension's own folder (`chrome-extension://`). */
  extensionCopy: TimingSummarySchema,
  /** Navigation start to the popup's heading, before any state has arrived. */
  heading: TimingSummarySchema,
  /** Navigation start to the heading of each static copy: what navigating costs before any code. */
  referenceHeading: TimingSummarySchema,
  extensionCopyHeading: TimingSummarySchema,
  /** The `getState` round trip from an open page with the worker running. */
  getState: TimingSummarySchema,
  /** Size of the `getState` reply as JSON. */
  stateBytes: z.number(),
});

/** Click on "Copy token" to the clipboard written and "Copied" shown. */
export const CopyInteractionSchema = z.object({
  accounts: z.number(),
  popup: TimingSummarySchema,
  /** A loopback page whose button copies a string it already holds. */
  reference: TimingSummarySchema,
});

/** Opening sealed tokens in Chromium with a key already in memory. */
export const VaultOpenSchema = z.object({
  tokens: z.number(),
  /** `openToken` on each stored envelope, one after another as the vault does. */
  envelope: TimingSummarySchema,
  /** Bare `crypto.subtle.decrypt` of the same bytes. */
  bare: TimingSummarySchema,
});

/** The popup's first message to a stopped worker, against the same message to a running one. */
export const ColdStartSchema = z.object({
  accounts: z.number(),
  cold: TimingSummarySchema,
  warm: TimingSummarySchema,
});

/** What one server answered under load. */
export const LoadFiguresSchema = z.object({
  requests: z.number(),
  errors: z.number(),
  seconds: z.number(),
  reqPerSec: z.number(),
  p50Ms: z.number(),
  p99Ms: z.number(),
});

/** The proxy against a bare forwarder, both in front of the same instant upstream. */
export const ProxyThroughputSchema = z.object({
  clients: z.number(),
  secondsPerRound: z.number(),
  rounds: z.number(),
  proxy: LoadFiguresSchema,
  forwarder: LoadFiguresSchema,
  /** One client at a time: latency without queueing. */
  sequential: z.object({ proxy: LoadFiguresSchema, forwarder: LoadFiguresSchema }),
});

/** The vault's crypto in Node, and the passphrase unlock. */
export const VaultNodeSchema = z.object({
  sealOpen: TimingSummarySchema,
  bareAesGcm: TimingSummarySchema,
  overheadMs: z.number(),
  pbkdf2Unlock: TimingSummarySchema,
});

/** `igtt token` and what its time is made of. */
export const CliRoundTripSchema = z.object({
  token: TimingSummarySchema,
  /** `igtt --help`: Node's start plus loading the bundle, no socket. */
  help: TimingSummarySchema,
  /** `node -e ''`: Node's start alone. */
  bareNode: TimingSummarySchema,
  bundleBytes: z.number(),
});

/** Why a group of figures was not measured. */
export const SkippedSchema = z.object({ skipped: z.string() });

/** Everything measured in Chromium with the extension loaded. */
export const BrowserFiguresSchema = z.object({
  render: z.array(RenderPointSchema),
  copy: CopyInteractionSchema,
  vaultOpen: VaultOpenSchema,
  coldStart: z.array(ColdStartSchema),
});

/** The whole of `bench/results.json`. */
export const BenchResultsSchema = z.object({
  date: z.string(),
  mode: z.enum(['full', 'quick']),
  machine: MachineSchema,
  bundles: z.array(BundleSchema),
  proxyThroughput: ProxyThroughputSchema,
  vaultNode: VaultNodeSchema,
  browser: z.union([BrowserFiguresSchema, SkippedSchema]),
  cli: z.union([CliRoundTripSchema, SkippedSchema]),
});

/** Median and p95 of timings. */
export type TimingSummary = z.infer<typeof TimingSummarySchema>;
/** One measured bundle. */
export type Bundle = z.infer<typeof BundleSchema>;
/** The machine's description. */
export type Machine = z.infer<typeof MachineSchema>;
/** One point of the popup render chart. */
export type RenderPoint = z.infer<typeof RenderPointSchema>;
/** The copy interaction figures. */
export type CopyInteraction = z.infer<typeof CopyInteractionSchema>;
/** The vault open figures. */
export type VaultOpen = z.infer<typeof VaultOpenSchema>;
/** The cold start figures at one account count. */
export type ColdStart = z.infer<typeof ColdStartSchema>;
/** One server's load figures. */
export type LoadFigures = z.infer<typeof LoadFiguresSchema>;
/** The proxy throughput figures. */
export type ProxyThroughput = z.infer<typeof ProxyThroughputSchema>;
/** The Node vault crypto figures. */
export type VaultNode = z.infer<typeof VaultNodeSchema>;
/** The command-line figures. */
export type CliRoundTrip = z.infer<typeof CliRoundTripSchema>;
/** A group that was not measured. */
export type Skipped = z.infer<typeof SkippedSchema>;
/** The Chromium figures. */
export type BrowserFigures = z.infer<typeof BrowserFiguresSchema>;
/** All results. */
export type BenchResults = z.infer<typeof BenchResultsSchema>;
