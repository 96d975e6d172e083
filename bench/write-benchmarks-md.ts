/**
 * `npm run bench:md`, and the last step of a full `npm run bench`: writes BENCHMARKS.md from
 * `bench/results.json` and the hand-written `bench/notes.md`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import { PROJECT_ROOT } from '../scripts/build-extension';
import { renderBenchmarksMarkdown } from './benchmarks-markdown';
import { formatLikeRepo } from './prettier-format';
import { BenchResultsSchema, type BenchResults } from './results-schema';

/** The committed files of a full run. */
export const BENCH_FILES = {
  results: join(PROJECT_ROOT, 'bench', 'results.json'),
  chart: join(PROJECT_ROOT, 'bench', 'popup-render.svg'),
  notes: join(PROJECT_ROOT, 'bench', 'notes.md'),
  markdown: join(PROJECT_ROOT, 'BENCHMARKS.md'),
} as const;

const MISSING_NOTES = '_No notes yet: explain here, with figures, any budget that does not hold._';

/** Where to read and write. */
export interface BenchmarksFiles {
  readonly results: string;
  /** Null when the run drew no chart. */
  readonly chart: string | null;
  readonly notes: string;
  readonly markdown: string;
}

/** Reads and validates a results file; the message names what is wrong. */
export async function readResults(path: string): Promise<BenchResults> {
  const text = await readFile(path, 'utf8');
  const parsed = BenchResultsSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${path} is not a bench results file:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

async function readNotes(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return MISSING_NOTES;
  }
}

/** Writes the markdown file from the results and the notes. */
export async function writeBenchmarksMarkdown(files: BenchmarksFiles): Promise<void> {
  const folder = dirname(files.markdown);
  const markdown = renderBenchmarksMarkdown({
    results: await readResults(files.results),
    notes: await readNotes(files.notes),
    chartPath: files.chart === null ? null : relative(folder, files.chart),
    resultsPath: relative(folder, files.results),
  });
  await writeFile(files.markdown, await formatLikeRepo(markdown, files.markdown));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      results: { type: 'string' },
      out: { type: 'string' },
      chart: { type: 'string' },
    },
  });
  const files: BenchmarksFiles = {
    results: resolve(values.results ?? BENCH_FILES.results),
    chart: resolve(values.chart ?? BENCH_FILES.chart),
    notes: BENCH_FILES.notes,
    markdown: resolve(values.out ?? BENCH_FILES.markdown),
  };
  await writeBenchmarksMarkdown(files);
  console.log(`Wrote ${files.markdown}`);
}
