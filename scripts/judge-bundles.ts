/**
 * The verdict of `npm run size`: every budgeted part within its gzip budget, and no page that
 * must stay small loading zod or WXT's storage.
 */
import { isOverBudget, type BundleSize } from './bundle-size';
import type { LibraryFound } from './find-libraries';

/** One measured part and the forbidden libraries found in the files it loads. */
export interface PartReport {
  readonly size: BundleSize;
  readonly libraries: readonly LibraryFound[];
}

/** Parts that must load neither zod nor `wxt/utils/storage`: the pages. */
export const LIBRARY_FREE_PARTS: readonly BundleSize['name'][] = ['popup', 'options'];

/** One plain sentence per broken rule, naming the part; empty when the build passes. */
export function judgeBundles(
  parts: readonly PartReport[],
  libraryFreeParts: readonly BundleSize['name'][] = LIBRARY_FREE_PARTS,
): string[] {
  const problems: string[] = [];
  for (const { size, libraries } of parts) {
    if (isOverBudget(size)) {
      const over = size.gzipBytes - (size.budgetBytes ?? 0);
      problems.push(
        `${size.name} is over budget: ${size.gzipBytes} B gzipped, budget ${size.budgetBytes} B (${over} B over).`,
      );
    }
    if (!libraryFreeParts.includes(size.name)) continue;
    for (const found of libraries) {
      problems.push(
        `${size.name} loads ${found.library} (${found.files.join(', ')}); ` +
          'pages must not import zod or wxt/utils/storage.',
      );
    }
  }
  return problems;
}
