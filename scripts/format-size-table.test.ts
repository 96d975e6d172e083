import { describe, expect, it } from 'vitest';
import { formatSizeTable } from './format-size-table';

describe('formatSizeTable', () => {
  it('should print exact bytes, headroom, and the libraries each part loads', () => {
    const table = formatSizeTable(
      [
        {
          size: {
            name: 'popup',
            files: ['a.js', 'b.css'],
            rawBytes: 100,
            gzipBytes: 60,
            budgetBytes: 50,
          },
          libraries: [],
        },
        {
          size: {
            name: 'background',
            files: ['bg.js'],
            rawBytes: 900,
            gzipBytes: 300,
            budgetBytes: 400,
          },
          libraries: [{ library: 'zod', files: ['bg.js'] }],
        },
        {
          size: { name: 'options', files: ['o.js'], rawBytes: 70, gzipBytes: 40 },
          libraries: [{ library: 'zod', files: ['o.js'] }],
        },
      ],
      ['popup', 'options'],
    );

    expect(table.split('\n').map((line) => line.split(/\s{2,}/))).toEqual([
      [
        'Bundle sizes (JS+CSS, bytes, gzip -9)',
        'files',
        'raw',
        'gzip',
        'budget',
        'headroom',
        'zod / wxt storage',
      ],
      ['popup', '2', '100', '60', '50', '-10', 'none'],
      ['background', '1', '900', '300', '400', '100', 'zod (allowed)'],
      ['options', '1', '70', '40', '–', '–', 'zod'],
    ]);
  });
});
