import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';

describe('fake browser', () => {
  it('should keep storage.local in memory', async () => {
    await browser.storage.local.set({ a: 1 });
    expect(await browser.storage.local.get('a')).toEqual({ a: 1 });
  });
});
