/** The one table `npm run size` prints: exact bytes per part, and the forbidden libraries found. */
import { formatSection } from './format-table';
import { LIBRARY_FREE_PARTS, type PartReport } from './judge-bundles';

/** Bytes, gzip level 9, budget and headroom per part; `–` where a part has no budget. */
export function formatSizeTable(
  parts: readonly PartReport[],
  libraryFreeParts = LIBRARY_FREE_PARTS,
): string {
  return formatSection(
    'Bundle sizes (JS+CSS, bytes, gzip -9)',
    ['files', 'raw', 'gzip', 'budget', 'headroom', 'zod / wxt storage'],
    parts.map(({ size, libraries }) => {
      const found = libraries.map((library) => library.library).join(', ');
      const checked = libraryFreeParts.includes(size.name);
      return [
        size.name,
        String(size.files.length),
        String(size.rawBytes),
        String(size.gzipBytes),
        size.budgetBytes === undefined ? '–' : String(size.budgetBytes),
        size.budgetBytes === undefined ? '–' : String(size.budgetBytes - size.gzipBytes),
        checked ? found || 'none' : `${found || 'none'} (allowed)`,
      ];
    }),
  );
}
