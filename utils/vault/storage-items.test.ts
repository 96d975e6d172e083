import { describe, expect, it } from 'vitest';
import * as settingsItems from '@/utils/settings/settings-store';
import * as items from './storage-items';

describe('storage items', () => {
  it('should keep every item in storage.local or storage.session, never storage.sync', () => {
    const keys = [...Object.values(items), ...Object.values(settingsItems)].flatMap((value) =>
      typeof value === 'object' && 'key' in value && typeof value.key === 'string'
        ? [value.key]
        : [],
    );

    expect(keys.length).toBeGreaterThanOrEqual(7);
    expect(keys.filter((key) => !/^(local|session):/.test(key))).toEqual([]);
  });
});
