import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleResults } from './sample-results';
import { readResults, writeBenchmarksMarkdown } from './write-benchmarks-md';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'igtt-bench-md-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('writeBenchmarksMarkdown', () => {
  it('should write the page from the results file, with paths relative to it', async () => {
    const markdown = join(folder, 'BENCHMARKS.md');
    await writeFile(join(folder, 'results.json'), JSON.stringify(sampleResults()));

    await writeBenchmarksMarkdown({
      results: join(folder, 'results.json'),
      chart: join(folder, 'bench', 'popup-render.svg'),
      notes: join(folder, 'no-notes.md'),
      markdown,
    });

    const actual = await readFile(markdown, 'utf8');
    expect(actual).toContain('(bench/popup-render.svg)');
    expect(actual).toContain('[`results.json`](results.json)');
    expect(actual).toContain('_No notes yet');
  });
});

describe('readResults', () => {
  it('should name what is wrong with a file that is not a results file', async () => {
    const path = join(folder, 'results.json');
    await writeFile(path, JSON.stringify({ ...sampleResults(), mode: 'slow' }));

    await expect(readResults(path)).rejects.toThrow(/mode/);
  });
});
