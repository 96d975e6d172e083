/**
 * A storage item paired with its schema. Storage is a boundary in both directions: every read is
 * parsed, and every write is checked first, so that a bug can never store a value that the next
 * read would refuse (one bad record must not make a whole item unreadable).
 *
 * Items are versioned the way `wxt/utils/storage` versions them (the value under `name`, `{ v }`
 * under `name$`), so data stored by earlier releases reads on. That library is not used: it costs
 * the background about 3 KB gzipped of its 30 KB budget, and its cross-context locking is not
 * needed here, because only the background ever touches storage (pages go through messages).
 */
import { browser } from 'wxt/browser';
import { words } from '@/utils/words';
import * as z from 'zod/mini';
import { AppError } from '@/utils/errors';

/** Where an item lives: `local:name` on disk, `session:name` in memory only. */
export type StorageItemKey = `local:${string}` | `session:${string}`;

/** A parsed read: the value, or why the stored data does not fit the schema. */
export type CheckedRead<T> = z.core.util.SafeParseResult<T>;

/** How an item is versioned, and what it reads as while nothing is stored. */
export interface CheckedItemOptions<T> {
  /** Starts at 1; each higher version needs a migration from the one before. */
  version: number;
  fallback?: T;
  /** Keyed by the version they produce: `{ 2: (v1) => v2 }`. */
  migrations?: Readonly<Record<number, (stored: unknown) => unknown>>;
}

/** A storage item whose value always matches its schema. */
export interface CheckedItem<T> {
  readonly key: StorageItemKey;
  /** The stored value (or the fallback), parsed. */
  read(): Promise<CheckedRead<T>>;
  /** Checks `value` against the schema and stores the parsed result in one write. */
  write(value: T): Promise<void>;
  remove(): Promise<void>;
  /** Runs pending migrations now (they also run before the first read or write). */
  migrate(): Promise<void>;
}

const VersionSchema = z.object({ v: z.number().check(z.int(), z.positive()) });

/** Defines a versioned storage item with the schema its reads and writes are checked against. */
export function defineCheckedItem<T>(
  key: StorageItemKey,
  schema: z.ZodMiniType<T>,
  options: CheckedItemOptions<T>,
): CheckedItem<T> {
  const [areaName, name] = key.startsWith('local:')
    ? (['local', key.slice('local:'.length)] as const)
    : (['session', key.slice('session:'.length)] as const);
  const versionKey = `${name}$`;
  const area = () => browser.storage[areaName];
  let migrated: Promise<void> | undefined;

  const runMigrations = async () => {
    const stored = await area().get([name, versionKey]);
    const value: unknown = stored[name];
    if (value === undefined || value === null) return;
    const meta = VersionSchema.safeParse(stored[versionKey]);
    const from = meta.success ? meta.data.v : 1;
    if (from === options.version) return;
    if (from > options.version) {
      throw new AppError('internal_error', {
        message: words('store_newer', key, String(from), String(options.version)),
      });
    }
    let next = value;
    for (let version = from + 1; version <= options.version; version += 1) {
      next = options.migrations?.[version]?.(next) ?? next;
    }
    await area().set({ [name]: next, [versionKey]: { v: options.version } });
  };
  // Once per context; a failed migration is tried again on the next access.
  const ready = () =>
    (migrated ??= runMigrations().catch((error: unknown) => {
      migrated = undefined;
      throw error;
    }));

  return {
    key,
    async read() {
      await ready();
      const value: unknown = (await area().get(name))[name];
      return schema.safeParse(value ?? options.fallback);
    },
    async write(value) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        throw new AppError('internal_error', {
          cause: parsed.error,
          message: words('store_refused', key),
        });
      }
      await ready();
      await area().set({ [name]: parsed.data, [versionKey]: { v: options.version } });
    },
    remove: () => area().remove([name, versionKey]),
    migrate: ready,
  };
}
