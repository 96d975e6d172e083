/**
 * A keyed mutex. Every read-modify-write of stored accounts runs in the background context only,
 * so a promise chain per name is the whole of what Web Locks would give here, and it behaves the
 * same in unit tests, where `navigator.locks` does not exist.
 */
const tails = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task of the same `name` has settled. */
export async function runExclusive<T>(name: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(name) ?? Promise.resolve();
  const current = previous.then(task);
  const tail = current.catch(() => undefined);
  tails.set(name, tail);
  try {
    return await current;
  } finally {
    if (tails.get(name) === tail) tails.delete(name);
  }
}
