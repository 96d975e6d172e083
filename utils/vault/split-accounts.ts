/**
 * One bad account record must never make the others unreadable: the stored accounts are parsed
 * one by one, and a record that does not parse (or sits under a key that is not its id) is set
 * aside as damaged, kept as it was for the user to see and remove. Before every write, each good
 * record is checked again, so a bug cannot store a record the next read would set aside.
 */
import { AppError } from '@/utils/errors';
import { words } from '@/utils/words';
import { AccountRecordSchema, type AccountRecord } from './account-record';

/** A stored account that cannot be read, kept byte for byte, with why. */
export interface DamagedAccount {
  raw: unknown;
  problem: string;
}

/** The stored accounts, sorted into readable and damaged ones. */
export interface SplitAccounts {
  accounts: Record<string, AccountRecord>;
  damaged: Record<string, DamagedAccount>;
}

/** Parses each stored account on its own. */
export function splitAccounts(stored: Readonly<Record<string, unknown>>): SplitAccounts {
  const split: SplitAccounts = { accounts: {}, damaged: {} };
  for (const [key, raw] of Object.entries(stored)) {
    const parsed = AccountRecordSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.map(String).join('.') || 'record';
      split.damaged[key] = {
        raw,
        problem: words('record_field_invalid', field, issue?.message ?? ''),
      };
    } else if (parsed.data.id !== key) {
      split.damaged[key] = { raw, problem: words('record_key_mismatch') };
    } else {
      split.accounts[key] = parsed.data;
    }
  }
  return split;
}

/**
 * The accounts as stored: every readable record checked again, damaged ones kept as they were.
 * @throws {AppError} `internal_error` for a record that must not be stored; nothing is written.
 */
export function joinAccounts({ accounts, damaged }: SplitAccounts): Record<string, unknown> {
  const stored: Record<string, unknown> = {};
  for (const [key, { raw }] of Object.entries(damaged)) stored[key] = raw;
  for (const [key, record] of Object.entries(accounts)) {
    const parsed = AccountRecordSchema.safeParse(record);
    if (!parsed.success || parsed.data.id !== key) {
      throw new AppError('internal_error', {
        cause: parsed.error,
        message: words('store_refused', 'accounts'),
      });
    }
    stored[key] = parsed.data;
  }
  return stored;
}
