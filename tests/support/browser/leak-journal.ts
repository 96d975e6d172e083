/**
 * The leak journal of a browser test run: every secret the run produced, and everywhere one could
 * have leaked to (console lines of the extension's contexts, the proxy's and sandbox's output, the
 * extension's storage, the browser profiles on disk). Each process appends JSON lines to its own
 * file in the folder the global setup names in {@link JOURNAL_ENV}; the global teardown reads them
 * all and scans once (`leak-scan.ts`). Without that variable (a benchmark, the screenshots script)
 * nothing is written.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';

/** Names the journal folder; set by the browser suite's global setup. */
export const JOURNAL_ENV = 'IGTT_E2E_JOURNAL';

/** The kinds of secret the run knows about. */
export const SECRET_KINDS = [
  'app_secret',
  'authorization_code',
  'access_token',
  'code_verifier',
  'passphrase',
] as const;
/** One of {@link SECRET_KINDS}. */
export type SecretKind = (typeof SECRET_KINDS)[number];

/** One line of the journal. */
export const JournalEntrySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('secret'),
    kind: z.enum(SECRET_KINDS),
    value: z.string().check(z.minLength(8)),
  }),
  /** A console message, page error or browser log entry of a browser context. */
  z.object({ type: z.literal('console'), context: z.string(), text: z.string() }),
  /** A line printed by the proxy, the sandbox or anything else in a test process. */
  z.object({ type: z.literal('log'), source: z.string(), text: z.string() }),
  /** The whole of one storage area of the extension, as JSON, read just before the browser closed. */
  z.object({
    type: z.literal('storage'),
    area: z.enum(['local', 'session', 'sync']),
    json: z.string(),
  }),
  /** A browser profile folder, kept after its browser closed so that the teardown can scan it. */
  z.object({ type: z.literal('profile'), dir: z.string() }),
]);
/** One line of the journal. */
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** The journal folder of this run, if the suite's global setup made one. */
export function journalDir(): string | undefined {
  return process.env[JOURNAL_ENV] || undefined;
}

/**
 * Appends entries to this process's journal file. Synchronous on purpose: a line must be on disk
 * before a crash or the teardown, and the volume is small.
 */
export function writeJournal(...entries: JournalEntry[]): void {
  const dir = journalDir();
  if (dir === undefined || entries.length === 0) return;
  mkdirSync(dir, { recursive: true });
  const text = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
  appendFileSync(join(dir, `journal-${process.pid}.jsonl`), text);
}

/** Notes a secret, so that the teardown looks for it everywhere. */
export function recordSecret(kind: SecretKind, value: string): void {
  writeJournal({ type: 'secret', kind, value });
}
