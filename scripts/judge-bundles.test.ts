import { describe, expect, it } from 'vitest';
import type { BundleSize } from './bundle-size';
import { judgeBundles, type PartReport } from './judge-bundles';

function part(
  size: Partial<BundleSize> & Pick<BundleSize, 'name'>,
  libraries: PartReport['libraries'] = [],
): PartReport {
  return { size: { files: ['a.js'], rawBytes: 100, gzipBytes: 50, ...size }, libraries };
}

describe('judgeBundles', () => {
  it('should pass parts at or under budget, and parts without a budget', () => {
    const parts = [
      part({ name: 'popup', gzipBytes: 15 * 1024, budgetBytes: 15 * 1024 }),
      part({ name: 'options', gzipBytes: 99_999 }),
    ];

    expect(judgeBundles(parts)).toEqual([]);
  });

  it('should name a part one byte over its budget', () => {
    const parts = [part({ name: 'background', gzipBytes: 30 * 1024 + 1, budgetBytes: 30 * 1024 })];

    expect(judgeBundles(parts)).toEqual([
      'background is over budget: 30721 B gzipped, budget 30720 B (1 B over).',
    ]);
  });

  it('should name a library-free part that loads zod or wxt storage, with the files', () => {
    const parts = [
      part({ name: 'popup' }, [{ library: 'wxt storage', files: ['chunks/store.js'] }]),
      part({ name: 'options' }, [{ library: 'zod', files: ['chunks/a.js', 'chunks/b.js'] }]),
    ];

    expect(judgeBundles(parts, ['popup', 'options'])).toEqual([
      'popup loads wxt storage (chunks/store.js); pages must not import zod or wxt/utils/storage.',
      'options loads zod (chunks/a.js, chunks/b.js); pages must not import zod or wxt/utils/storage.',
    ]);
  });

  it('should allow the libraries in parts that are not listed', () => {
    const parts = [
      part({ name: 'background' }, [{ library: 'zod', files: ['background.js'] }]),
      part({ name: 'options' }, [{ library: 'zod', files: ['chunks/a.js'] }]),
    ];

    expect(judgeBundles(parts, ['popup'])).toEqual([]);
  });
});
