/** Expiry as people read it: relative ("in 52 days") and absolute ("19 Jan 2027"). */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
// Formatters are made on first use: the background only needs the relative one.
let absolute: Intl.DateTimeFormat | undefined;
let dateTime: Intl.DateTimeFormat | undefined;

/**
 * "in 52 days", "in 5 hours", "3 days ago": days when a day or more away, else hours. Days are
 * rounded, so a fresh 60-day token reads "in 60 days" rather than 59 and a fraction.
 */
export function formatRelative(at: number, now: number): string {
  const delta = at - now;
  if (Math.abs(delta) >= DAY_MS) return relative.format(Math.round(delta / DAY_MS), 'day');
  if (Math.abs(delta) >= HOUR_MS) return relative.format(Math.trunc(delta / HOUR_MS), 'hour');
  if (Math.abs(delta) < 60_000) return 'just now';
  return relative.format(Math.trunc(delta / 60_000), 'minute');
}

/** "19 Jan 2027". */
export function formatDate(at: number): string {
  absolute ??= new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return absolute.format(at);
}

/** "19 Jan 2027, 12:00", or "never" for a missing time. */
export function formatDateTime(at: number | null): string {
  if (at === null) return 'never';
  dateTime ??= new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return dateTime.format(at);
}

/** "2 hours ago", or "never". */
export function formatAgo(at: number | null, now: number): string {
  return at === null ? 'never' : formatRelative(at, now);
}
