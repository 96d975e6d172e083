import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOLD_TIMEOUT_MS } from './defaults';
import { createHeldRequests } from './held-requests';

describe('createHeldRequests', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('should hold until the deadline when the client never gives up', async () => {
    const held = createHeldRequests();
    let released = false;
    void held.hold(new AbortController().signal).then(() => {
      released = true;
    });

    await vi.advanceTimersByTimeAsync(HOLD_TIMEOUT_MS - 1);
    const before = released;
    await vi.advanceTimersByTimeAsync(1);

    expect(before).toBe(false);
    expect(released).toBe(true);
    expect(held.count()).toBe(0);
  });

  it('should release as soon as the request is aborted', async () => {
    const held = createHeldRequests();
    const controller = new AbortController();
    const holding = held.hold(controller.signal);

    controller.abort();

    await expect(holding).resolves.toBeUndefined();
    expect(held.count()).toBe(0);
  });

  it('should release everything at once on releaseAll', async () => {
    const held = createHeldRequests();
    const holds = [held.hold(new AbortController().signal), held.hold(AbortSignal.abort())];
    const countWhileHeld = held.count();

    held.releaseAll();

    await expect(Promise.all(holds)).resolves.toHaveLength(2);
    expect(countWhileHeld).toBe(1);
    expect(held.count()).toBe(0);
  });
});
