import { describe, expect, it } from 'vitest';
import { FixedWindowStore } from './rate-limit';

function storeAt(start: number) {
  let now = start;
  const store = new FixedWindowStore(() => now);
  store.init({ windowMs: 60_000 });
  return { store, advance: (ms: number) => (now += ms) };
}

describe('FixedWindowStore', () => {
  it('should count hits per key within one window', () => {
    const { store } = storeAt(1_000_000);

    store.increment('a');
    store.increment('a');
    const actual = store.increment('a');

    expect(actual.totalHits).toBe(3);
    expect(actual.resetTime?.getTime()).toBe(1_060_000);
    expect(store.increment('b').totalHits).toBe(1);
  });

  it('should start a new window once the old one has ended', () => {
    const { store, advance } = storeAt(1_000_000);
    store.increment('a');
    store.increment('a');

    advance(60_000);
    const actual = store.increment('a');

    expect(actual.totalHits).toBe(1);
    expect(actual.resetTime?.getTime()).toBe(1_120_000);
  });

  it('should take back a hit and forget a key', () => {
    const { store } = storeAt(0);
    store.increment('a');
    store.increment('a');

    store.decrement('a');
    const afterDecrement = store.increment('a').totalHits;
    store.resetKey('a');
    const afterReset = store.increment('a').totalHits;

    expect([afterDecrement, afterReset]).toEqual([2, 1]);
  });

  it('should drop expired windows once many clients are tracked', () => {
    const { store, advance } = storeAt(0);
    for (let index = 0; index < 10_000; index += 1) store.increment(`client-${index}`);
    const before = store.size;

    advance(60_001);
    store.increment('newcomer');

    expect([before, store.size]).toEqual([10_000, 1]);
  });
});
