/** How `igtt status` and `igtt list` show accounts: aligned columns, dates as YYYY-MM-DD. */
import type { BridgeAccount } from '../shared/bridge-protocol';
import { alignColumns } from './align-columns';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A local calendar date, YYYY-MM-DD: the day the user will see it happen. */
export function formatDate(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `expires 2027-01-31 (60 d)`, `expired 2026-11-30 (3 d ago)`, or `expiry unknown`. */
export function formatExpiry(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return 'expiry unknown';
  const days = Math.round((expiresAt - now) / DAY_MS);
  return expiresAt >= now
    ? `expires ${formatDate(expiresAt)} (${days} d)`
    : `expired ${formatDate(expiresAt)} (${-days} d ago)`;
}

/** `igtt status`'s account lines: `@user  valid  expires 2027-01-31 (60 d)`. */
export function formatStatusLines(accounts: readonly BridgeAccount[], now: number): string[] {
  return alignColumns(
    accounts.map((account) => [
      `@${account.username}`,
      account.status,
      formatExpiry(account.expiresAt, now),
    ]),
  );
}

/** `igtt list`'s table, with a header row. */
export function formatAccountTable(accounts: readonly BridgeAccount[], now: number): string[] {
  return alignColumns([
    ['ACCOUNT', 'ID', 'STATUS', 'EXPIRY'],
    ...accounts.map((account) => [
      `@${account.username}`,
      account.id,
      account.status,
      formatExpiry(account.expiresAt, now),
    ]),
  ]);
}

/** `igtt list --json`'s entry: the protocol's fields, with the expiry as ISO 8601 (or null). */
export function accountAsJson(account: BridgeAccount): Record<string, unknown> {
  return {
    username: account.username,
    id: account.id,
    status: account.status,
    expiresAt: account.expiresAt === null ? null : new Date(account.expiresAt).toISOString(),
    scopes: account.scopes,
  };
}
