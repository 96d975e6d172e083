import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './build-extension';
import { findLibraries, PAGE_FORBIDDEN_LIBRARIES } from './find-libraries';

/** Where each library's markers must occur in the installed package, or they have gone stale. */
const LIBRARY_SOURCES: Record<string, string> = {
  zod: 'node_modules/zod/v4/core/schemas.js',
  'wxt storage': 'node_modules/@wxt-dev/storage/dist/index.mjs',
};

describe('findLibraries', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'igtt-find-libraries-'));
    await mkdir(join(dir, 'chunks'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should name each library once, with every file that holds one of its markers', async () => {
    await writeFile(join(dir, 'chunks/page.js'), 'import"./schemas.js";render(h(App));');
    await writeFile(join(dir, 'chunks/schemas.js'), 'const U=j(`$ZodType`,(e,t)=>{e._zod.def=t});');
    await writeFile(join(dir, 'chunks/mini.js'), 'if(e?._zod?.traits)x();');
    await writeFile(
      join(dir, 'chunks/store.js'),
      'throw Error(`Storage item version cannot be less than 1. Initial versions should be set to 1, not 0.`)',
    );
    await writeFile(join(dir, 'page.css'), '.zod{color:red}');

    const actual = await findLibraries(dir, [
      'chunks/page.js',
      'chunks/schemas.js',
      'chunks/mini.js',
      'chunks/store.js',
      'page.css',
    ]);

    expect(actual).toEqual([
      { library: 'zod', files: ['chunks/schemas.js', 'chunks/mini.js'] },
      { library: 'wxt storage', files: ['chunks/store.js'] },
    ]);
  });

  it('should find nothing in code that only mentions the libraries by other names', async () => {
    await writeFile(
      join(dir, 'chunks/popup.js'),
      'const zod="zod";chrome.storage.local.get("vault");console.log("[wxt] storage");',
    );

    await expect(findLibraries(dir, ['chunks/popup.js'])).resolves.toEqual([]);
  });
});

describe('PAGE_FORBIDDEN_LIBRARIES', () => {
  it.each(PAGE_FORBIDDEN_LIBRARIES.map((entry) => [entry.library, entry.markers] as const))(
    'should only use %s markers that the installed package contains',
    async (library, markers) => {
      const source = await readFile(join(PROJECT_ROOT, LIBRARY_SOURCES[library] ?? ''), 'utf8');

      for (const marker of markers) expect(source).toContain(marker);
    },
  );
});
