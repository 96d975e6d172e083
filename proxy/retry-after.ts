/**
 * How long Instagram asks a throttled caller to wait: the longer of `Retry-After` (seconds) and
 * the highest `estimated_time_to_regain_access` (minutes) of `X-Business-Use-Case-Usage`
 * (docs/instagram-contract.md §7.3, §7.4).
 */
import * as z from 'zod/mini';

/** What the proxy announces when Instagram is busy and names no wait of its own. */
export const DEFAULT_BUSY_RETRY_AFTER_SECONDS = 60;

/** Longest wait passed on; a larger figure is treated as a day. */
const MAX_RETRY_AFTER_SECONDS = 86_400;

const BusinessUseCaseUsageSchema = z.record(
  z.string(),
  z.array(z.object({ estimated_time_to_regain_access: z.optional(z.number()) })),
);

/** Seconds to wait before trying again, from Instagram's headers, or 60 when it names none. */
export function readRetryAfterSeconds(headers: Headers): number {
  const waits = [retryAfterHeader(headers), regainAccessSeconds(headers)].filter(
    (seconds): seconds is number => seconds !== undefined,
  );
  if (waits.length === 0) return DEFAULT_BUSY_RETRY_AFTER_SECONDS;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(...waits));
}

function retryAfterHeader(headers: Headers): number | undefined {
  const value = headers.get('retry-after')?.trim();
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

function regainAccessSeconds(headers: Headers): number | undefined {
  const value = headers.get('x-business-use-case-usage');
  if (value === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return undefined;
  }
  const parsed = BusinessUseCaseUsageSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const minutes = Object.values(parsed.data)
    .flat()
    .map((usage) => usage.estimated_time_to_regain_access ?? 0)
    .filter((value) => Number.isFinite(value) && value > 0);
  return minutes.length === 0 ? undefined : Math.ceil(Math.max(...minutes) * 60);
}
