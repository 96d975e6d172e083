import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { defineCheckedItem } from './define-checked-item';

const Schema = z.object({ name: z.string(), size: z.number() });

function item() {
  return defineCheckedItem('local:thing', Schema, {
    version: 3,
    fallback: { name: 'none', size: 0 },
    migrations: {
      2: (v1) => ({ name: z.string().parse(v1) }),
      3: (v2) => ({ ...z.looseObject({}).parse(v2), size: 1 }),
    },
  });
}

describe('defineCheckedItem', () => {
  it('should read the fallback while nothing is stored', async () => {
    await expect(item().read()).resolves.toMatchObject({
      success: true,
      data: { name: 'none', size: 0 },
    });
  });

  it('should migrate a version-1 value through every step, once, and record the version', async () => {
    await browser.storage.local.set({ thing: 'old' });

    const actual = await item().read();

    expect(actual).toMatchObject({ success: true, data: { name: 'old', size: 1 } });
    expect(await browser.storage.local.get(['thing', 'thing$'])).toEqual({
      thing: { name: 'old', size: 1 },
      thing$: { v: 3 },
    });
  });

  it('should refuse data stored by a newer version rather than misread it', async () => {
    await browser.storage.local.set({ thing: { name: 'x' }, thing$: { v: 4 } });

    await expect(item().read()).rejects.toMatchObject({ code: 'internal_error' });
    expect((await browser.storage.local.get('thing')).thing).toEqual({ name: 'x' });
  });

  it('should refuse to write an invalid value and change nothing', async () => {
    const thing = item();
    await thing.write({ name: 'kept', size: 2 });

    await expect(thing.write({ name: 'bad', size: Number.NaN })).rejects.toMatchObject({
      code: 'internal_error',
    });
    expect((await browser.storage.local.get('thing')).thing).toEqual({ name: 'kept', size: 2 });
  });

  it('should keep session items in storage.session only', async () => {
    const session = defineCheckedItem('session:flag', z.boolean(), { version: 1 });

    await session.write(true);

    expect(await browser.storage.session.get('flag')).toEqual({ flag: true });
    expect(await browser.storage.local.get(null)).toEqual({});
    await session.remove();
    expect((await session.read()).success).toBe(false);
  });
});
