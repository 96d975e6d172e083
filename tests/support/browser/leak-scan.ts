/**
 * The leak scan at the end of the browser suite: every secret in the journal is looked for in
 * every captured console line, every log line, every storage snapshot, and every byte of every
 * browser profile folder (binary files included, as UTF-8 and as UTF-16LE, the two ways Chromium
 * writes strings to disk). A secret is found whole, or by its first or last 24 characters, so that
 * a truncated copy (a console preview, a cut log line) counts too.
 *
 * One kind of trace is reported apart and does not fail the run: an authorization code inside
 * Chromium's HTTP cache entry of the identity provider's own `/oauth/authorize` redirect (or
 * Facebook's `/v<NN>.<N>/dialog/oauth` one). That response is Instagram's or Facebook's (here the
 * sandbox's), shown in the login window, and the browser caches it unless the provider says
 * `no-store`; nothing the extension does can change that. The code in it
 * is single-use and spent within seconds. Anything else, anywhere else, is a leak.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { JournalEntrySchema, type JournalEntry, type SecretKind } from './leak-journal';

/** The length of the head and tail that count as a leak on their own. */
export const FRAGMENT_LENGTH = 24;

/** One place a secret was found. */
export interface Leak {
  /** The secret, masked: its kind, first 4 and last 4 characters. */
  secret: string;
  /** What was found: the whole secret, or its head or tail. */
  match: 'whole' | 'head' | 'tail';
  where: string;
}

/** What the scan looked at and what it found. */
export interface LeakReport {
  /** Codes in the HTTP cache entries of Instagram's own redirects: reported, not failed on. */
  tolerated: Leak[];
  secrets: number;
  secretsByKind: Partial<Record<SecretKind, number>>;
  consoleLines: number;
  logLines: number;
  storageSnapshots: number;
  profiles: number;
  profileFiles: number;
  profileBytes: number;
  leaks: Leak[];
}

/** One secret as the scan looks for it. */
interface Needle {
  kind: SecretKind;
  value: string;
  /** The masked secret, for the report. */
  secret: string;
  whole: Probe;
  /** What is searched: the head and tail of a long secret (either catches a cut copy), else all of it. */
  probes: Array<[Leak['match'], Probe]>;
}

/** A text and its bytes as UTF-8 and UTF-16LE. */
interface Probe {
  text: string;
  bytes: Buffer[];
}

function probeOf(text: string): Probe {
  return { text, bytes: [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')] };
}

/** Masks a secret for a report: enough to tell which one, never enough to use it. */
export function maskSecret(kind: SecretKind, value: string): string {
  return `${kind} ${value.slice(0, 4)}…${value.slice(-4)} (${value.length} chars)`;
}

function needleOf(kind: SecretKind, value: string): Needle {
  const whole = probeOf(value);
  const probes: Needle['probes'] =
    value.length >= 2 * FRAGMENT_LENGTH
      ? [
          ['head', probeOf(value.slice(0, FRAGMENT_LENGTH))],
          ['tail', probeOf(value.slice(-FRAGMENT_LENGTH))],
        ]
      : [['whole', whole]];
  return { kind, value, secret: maskSecret(kind, value), whole, probes };
}

/** A haystack: a text, or the bytes of a file. */
type Haystack = { text: string } | { bytes: Buffer };

function contains(haystack: Haystack, probe: Probe): boolean {
  if ('text' in haystack) return haystack.text.includes(probe.text);
  return probe.bytes.some((form) => haystack.bytes.includes(form));
}

/** Each secret found in `haystack`, with how much of it was found. */
function findIn(
  needles: readonly Needle[],
  haystack: Haystack,
): Array<{ needle: Needle; match: Leak['match'] }> {
  const found: Array<{ needle: Needle; match: Leak['match'] }> = [];
  for (const needle of needles) {
    const hit = needle.probes.find(([, probe]) => contains(haystack, probe));
    if (hit === undefined) continue;
    found.push({ needle, match: contains(haystack, needle.whole) ? 'whole' : hit[0] });
  }
  return found;
}

/** The login pages whose own redirect carries the code: Instagram's, and Facebook's dialog. */
const LOGIN_PAGE_PATHS = ['/oauth/authorize', '/dialog/oauth'];

/**
 * Whether a code found in a profile file is only the `code` of the provider's own login redirect,
 * as Chromium's HTTP cache stored it (see the file comment).
 */
function isCachedAuthorizeRedirect(needle: Needle, path: string, bytes: Buffer): boolean {
  return (
    needle.kind === 'authorization_code' &&
    /(^|\/)Cache\/Cache_Data\//.test(path) &&
    LOGIN_PAGE_PATHS.some((login) => bytes.includes(login)) &&
    bytes.includes(`?code=${needle.value}&`)
  );
}

/** Every regular file under `dir`, depth first; symbolic links are not followed. */
async function* filesUnder(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Reads every journal file in `dir`. */
export async function readJournal(dir: string): Promise<JournalEntry[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
  const entries: JournalEntry[] = [];
  for (const name of names) {
    for (const line of (await readFile(join(dir, name), 'utf8')).split('\n')) {
      if (line.trim() !== '') entries.push(JournalEntrySchema.parse(JSON.parse(line)));
    }
  }
  return entries;
}

/** Looks for every secret of `entries` everywhere `entries` say the run left traces. */
export async function scanForLeaks(entries: readonly JournalEntry[]): Promise<LeakReport> {
  const secrets = new Map<string, SecretKind>();
  for (const entry of entries) if (entry.type === 'secret') secrets.set(entry.value, entry.kind);
  const needles = [...secrets].map(([value, kind]) => needleOf(kind, value));
  const secretsByKind: LeakReport['secretsByKind'] = {};
  for (const kind of secrets.values()) secretsByKind[kind] = (secretsByKind[kind] ?? 0) + 1;
  const report: LeakReport = {
    secrets: secrets.size,
    secretsByKind,
    consoleLines: 0,
    logLines: 0,
    storageSnapshots: 0,
    profiles: 0,
    profileFiles: 0,
    profileBytes: 0,
    leaks: [],
    tolerated: [],
  };
  const look = (haystack: Haystack, where: string, file?: string) => {
    for (const { needle, match } of findIn(needles, haystack)) {
      const leak = { secret: needle.secret, match, where };
      const tolerated =
        file !== undefined &&
        'bytes' in haystack &&
        isCachedAuthorizeRedirect(needle, file, haystack.bytes);
      (tolerated ? report.tolerated : report.leaks).push(leak);
    }
  };

  for (const entry of entries) {
    switch (entry.type) {
      case 'console':
        report.consoleLines += 1;
        look({ text: entry.text }, `console of ${entry.context}`);
        break;
      case 'log':
        report.logLines += 1;
        look({ text: entry.text }, `log of ${entry.source}`);
        break;
      case 'storage':
        report.storageSnapshots += 1;
        look({ text: entry.json }, `storage.${entry.area}`);
        break;
      case 'profile':
        report.profiles += 1;
        for await (const file of filesUnder(entry.dir)) {
          const bytes = await readFile(file).catch(() => Buffer.alloc(0));
          report.profileFiles += 1;
          report.profileBytes += bytes.length;
          const path = relative(entry.dir, file);
          look({ bytes }, `profile file ${path} (${entry.dir})`, path);
        }
        break;
      case 'secret':
        break;
    }
  }
  return report;
}

/** The report as the lines the teardown prints. */
export function describeReport(report: LeakReport): string[] {
  const kinds = Object.entries(report.secretsByKind)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');
  return [
    `Leak scan: ${report.secrets} secrets (${kinds || 'none'}) looked for in ` +
      `${report.consoleLines} console lines, ${report.logLines} log lines, ` +
      `${report.storageSnapshots} storage snapshots and ${report.profileFiles} files ` +
      `(${report.profileBytes} bytes) of ${report.profiles} browser profiles: ` +
      `${report.leaks.length} leaks, ${report.tolerated.length} tolerated traces.`,
    ...report.leaks.map((leak) => `  LEAK ${leak.secret} (${leak.match}) in ${leak.where}`),
    ...(report.tolerated.length === 0
      ? []
      : [
          `  Tolerated: ${report.tolerated.length} authorization codes in Chromium's HTTP cache ` +
            "entries of the provider's own /oauth/authorize or /dialog/oauth redirect " +
            "(not the extension's to control).",
        ]),
  ];
}
