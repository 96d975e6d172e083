/** The checks of `npm run soak`, its one summary table, and the JSON it writes. */
import type { FuzzResult } from './soak-fuzz';
import type { HalfOpenResult } from './soak-half-open';
import type { LoadResult } from './soak-load';
import type { SoakOptions } from './soak-options';

/** Memory levels off when the RSS at the end of the load is at most this times the middle's. */
export const LEVEL_OFF_FACTOR = 1.25;
/** The stalled sockets must be closed by the server's 10 s headers timeout, plus this slack. */
export const HALF_OPEN_CLOSE_LIMIT_MS = 15_000;

/** The proxy process's resident memory at the moments the report names, in bytes. */
export interface RssFigures {
  readonly start?: number;
  readonly middle?: number;
  readonly end?: number;
  readonly peak?: number;
  readonly afterFuzz?: number;
  readonly afterHalfOpen?: number;
}

/** What the leak search covered and found (found secrets masked). */
export interface LeakFigures {
  readonly secrets: number;
  readonly tokensIssued: number;
  readonly bodies: number;
  readonly logLines: number;
  readonly found: readonly string[];
}

/** Everything one run measured. */
export interface SoakRun {
  readonly options: SoakOptions;
  readonly machine: { readonly date: string; readonly nproc: number; readonly node: string };
  readonly load: Omit<LoadResult, 'codes' | 'bodies'>;
  readonly fuzz: Omit<FuzzResult, 'bodies'>;
  readonly halfOpen: Omit<HalfOpenResult, 'received'>;
  readonly rss: RssFigures;
  readonly leaks: LeakFigures;
  /** Failed long-lived exchanges the sandbox served (the proxy must still answer 200). */
  readonly faultsServed: number;
  /** Request log lines of the proxy with a status of 500 or an unmapped 5xx. */
  readonly loggedServerErrors: number;
}

/** One line of the table; `pass` is undefined for a figure that is reported, not judged. */
export interface SoakCheck {
  readonly name: string;
  readonly result: string;
  readonly pass?: boolean;
}

const number = (value: number) => value.toLocaleString('en-US');
const mib = (bytes?: number) => (bytes === undefined ? '?' : (bytes / 2 ** 20).toFixed(1));
const ms = (value?: number) => (value === undefined ? '?' : `${value.toFixed(1)} ms`);
const seconds = (value?: number) => (value === undefined ? '?' : `${(value / 1000).toFixed(1)} s`);

/** Judges a run. */
export function soakChecks(run: SoakRun): SoakCheck[] {
  const { load, fuzz, halfOpen, rss } = run;
  const valid = load.requests.exchange + load.requests.healthz + load.requests.setupCheck;
  const levelsOff =
    rss.middle !== undefined && rss.end !== undefined && rss.end <= rss.middle * LEVEL_OFF_FACTOR;
  const closedInTime =
    halfOpen.closedByServer === halfOpen.opened &&
    (halfOpen.closedAfterMs.max ?? Infinity) <= HALF_OPEN_CLOSE_LIMIT_MS;
  return [
    {
      name: 'requests survived',
      result: `${number(valid - load.unexpected)} of ${number(valid)} valid requests answered 200 in ${run.options.seconds} s by ${run.options.clients} clients (exchange ${number(load.requests.exchange)}: ${number(load.longLived)} long-lived, ${number(load.shortLived)} short-lived; healthz ${number(load.requests.healthz)}; setup-check ${number(load.requests.setupCheck)}; exchange p50 ${ms(load.exchangeMs.p50)}, p99 ${ms(load.exchangeMs.p99)})`,
      pass: valid > 0 && load.unexpected === 0,
    },
    {
      name: 'unexpected errors',
      result: number(load.unexpected),
      pass: load.unexpected === 0,
    },
    {
      name: 'faults injected',
      result: `${number(run.faultsServed)} failed long-lived exchanges served by the sandbox, ${number(halfOpen.opened)} half-open sockets`,
    },
    {
      name: 'inputs fuzzed',
      result: `${number(fuzz.sent)} (seed ${run.options.seed}): ${number(fuzz.serverErrors)} answered 500, ${number(run.loggedServerErrors)} logged 500, ${number(fuzz.hangs)} hangs`,
      pass:
        fuzz.sent === run.options.fuzz &&
        fuzz.serverErrors === 0 &&
        run.loggedServerErrors === 0 &&
        fuzz.hangs === 0,
    },
    {
      name: 'leaks found',
      result: `${number(run.leaks.found.length)} (searched ${number(run.leaks.bodies)} answers and ${number(run.leaks.logLines)} proxy output lines for the app secret, ${number(load.requests.exchange)} codes and ${number(run.leaks.tokensIssued)} tokens issued)`,
      pass: run.leaks.found.length === 0,
    },
    {
      name: 'RSS start / middle / end',
      result: `${mib(rss.start)} / ${mib(rss.middle)} / ${mib(rss.end)} MiB (peak ${mib(rss.peak)}; after fuzz ${mib(rss.afterFuzz)}, after half-open ${mib(rss.afterHalfOpen)}); levels off: end <= middle x ${LEVEL_OFF_FACTOR}`,
      pass: levelsOff,
    },
    {
      name: 'healthz under half-open load',
      result: `p50 ${ms(halfOpen.healthz.p50Ms)}, max ${ms(halfOpen.healthz.maxMs)}: ${halfOpen.healthz.ok} of ${halfOpen.healthz.probes} probes answered 200 while ${number(halfOpen.opened)} sockets stalled`,
      pass: halfOpen.healthz.probes > 0 && halfOpen.healthz.ok === halfOpen.healthz.probes,
    },
    {
      name: 'half-open closed by server',
      result: `${number(halfOpen.closedByServer)} of ${number(halfOpen.opened)}, ${seconds(halfOpen.closedAfterMs.min)} to ${seconds(halfOpen.closedAfterMs.max)} after opening (limit ${seconds(HALF_OPEN_CLOSE_LIMIT_MS)}); answers ${JSON.stringify(halfOpen.closingStatuses)}`,
      pass: closedInTime,
    },
  ];
}

/** The one summary table: a title line, then check, verdict and result, left-aligned. */
export function formatSoakTable(run: SoakRun, checks: readonly SoakCheck[]): string {
  const title = `Soak of the exchange proxy, ${run.machine.date} (nproc ${run.machine.nproc}, Node ${run.machine.node})`;
  const width = Math.max(...checks.map((check) => check.name.length));
  const lines = checks.map((check) => {
    const verdict = check.pass === undefined ? '' : check.pass ? 'PASS' : 'FAIL';
    return `${check.name.padEnd(width)}  ${verdict.padEnd(4)}  ${check.result}`;
  });
  return [title, ...lines].join('\n');
}
