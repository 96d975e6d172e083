/**
 * A storage item paired with its schema. Storage is a boundary in both directions: every read is
 * parsed, and every write is checked first, so that a bug can never store a value that the next
 * read would refuse (one bad record must not make a whole item unreadable).
 */
import { storage, type StorageItemKey, type WxtStorageItemOptions } from 'wxt/utils/storage';
import type * as z from 'zod/mini';
import { AppError } from '@/utils/errors';

/** A parsed read: the value, or why the stored data does not fit the schema. */
export type CheckedRead<T> = z.core.util.SafeParseResult<T>;

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

/** Defines a versioned storage item with the schema its reads and writes are checked against. */
export function defineCheckedItem<T>(
  key: StorageItemKey,
  schema: z.ZodMiniType<T>,
  options: WxtStorageItemOptions<T>,
): CheckedItem<T> {
  const item = storage.defineItem<T>(key, options);
  return {
    key,
    read: async () => schema.safeParse(await item.getValue()),
    async write(value) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        throw new AppError('internal_error', {
          cause: parsed.error,
          message: `Refused to store an invalid value under "${key}"; nothing was changed.`,
        });
      }
      await item.setValue(parsed.data);
    },
    remove: () => item.removeValue(),
    migrate: () => item.migrate(),
  };
}
