import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEEP_ALIVE_INTERVAL_MS, keepAliveWhile } from './keep-alive';

/** A task that settles when the test says so. */
function pendingTask() {
  let resolve: (value: string) => void = () => undefined;
  let reject: (reason: Error) => void = () => undefined;
  const promise = new Promise<string>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

describe('keepAliveWhile', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('should call the browser every interval while the task runs, and stop once it is done', async () => {
    const ping = vi.fn(() => Promise.resolve({ os: 'linux' }));
    const task = pendingTask();

    const kept = keepAliveWhile(task.promise, ping);
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 3);
    task.resolve('done');

    await expect(kept).resolves.toBe('done');
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 3);
    expect(ping).toHaveBeenCalledTimes(3);
  });

  it('should pass a failure on and stop calling', async () => {
    const ping = vi.fn(() => Promise.reject(new Error('gone')));
    const task = pendingTask();

    const kept = keepAliveWhile(task.promise, ping);
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS);
    task.reject(new Error('upkeep failed'));

    await expect(kept).rejects.toThrow('upkeep failed');
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 3);
    expect(ping).toHaveBeenCalledTimes(1);
  });
});
