/**
 * Which of the libraries that pages must never load (zod, WXT's storage) a set of built files
 * contains, found by marker strings that minification cannot rename: zod's constructor and trait
 * names and property keys, and @wxt-dev/storage's own error and log messages.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A library that pages must not import, and strings that only its code contains. */
export interface LibraryMarkers {
  readonly library: string;
  /** Any one of them found in a file means the file holds the library. */
  readonly markers: readonly string[];
}

/** What pages must not load; a test checks each marker against the installed package. */
export const PAGE_FORBIDDEN_LIBRARIES: readonly LibraryMarkers[] = [
  // Every zod v4 schema, classic or mini, is built by `$constructor("$ZodType", …)` and keeps its
  // internals under the `_zod` property; minifiers keep string literals and property names.
  { library: 'zod', markers: ['$ZodType', '._zod'] },
  // `createStorage()` builds all of `storage` at once, so its defineItem error and migration log
  // prefix come with any use of `wxt/utils/storage`.
  {
    library: 'wxt storage',
    markers: ['Storage item version cannot be less than 1', '[@wxt-dev/storage]'],
  },
];

/** Where one library was found. */
export interface LibraryFound {
  readonly library: string;
  /** Files that contain one of its markers, relative to the extension folder. */
  readonly files: readonly string[];
}

/** The libraries of `libraries` that any of `files` (relative to `extensionDir`) contains. */
export async function findLibraries(
  extensionDir: string,
  files: readonly string[],
  libraries: readonly LibraryMarkers[] = PAGE_FORBIDDEN_LIBRARIES,
): Promise<LibraryFound[]> {
  const texts = await Promise.all(
    files.map(async (file) => ({ file, text: await readFile(join(extensionDir, file), 'utf8') })),
  );
  return libraries
    .map(({ library, markers }) => ({
      library,
      files: texts
        .filter(({ text }) => markers.some((marker) => text.includes(marker)))
        .map(({ file }) => file),
    }))
    .filter((found) => found.files.length > 0);
}
