/**
 * Meta's usage headers: `X-App-Usage` (percentages of the app's quota) and
 * `X-Business-Use-Case-Usage` (with the minutes until access is regained), plus `Retry-After`.
 * See docs/instagram-contract.md §7.
 */
import * as z from 'zod/mini';

/** The highest percentage in an `X-App-Usage` header, if it is present and readable. */
export function readAppUsagePercent(headers: Headers): number | undefined {
  const parsed = z.record(z.string(), z.number()).safeParse(readJsonHeader(headers, 'x-app-usage'));
  return parsed.success ? Math.max(0, ...Object.values(parsed.data)) : undefined;
}

const BusinessUseCaseUsageSchema = z.record(
  z.string(),
  z.array(z.object({ estimated_time_to_regain_access: z.optional(z.number()) })),
);

function readJsonHeader(headers: Headers, name: string): unknown {
  try {
    return JSON.parse(headers.get(name) ?? 'null');
  } catch {
    return null;
  }
}

/**
 * How long Instagram asks us to wait: `Retry-After` in seconds, or the business use case header's
 * `estimated_time_to_regain_access` in minutes, whichever is longer.
 */
export function readRetryAfterSeconds(headers: Headers): number | undefined {
  const retryAfter = Number(headers.get('retry-after'));
  const usage = BusinessUseCaseUsageSchema.safeParse(
    readJsonHeader(headers, 'x-business-use-case-usage'),
  );
  const regainMinutes = usage.success
    ? Math.max(
        0,
        ...Object.values(usage.data).flatMap((entries) =>
          entries.map((entry) => entry.estimated_time_to_regain_access ?? 0),
        ),
      )
    : 0;
  const seconds = Math.max(Number.isFinite(retryAfter) ? retryAfter : 0, regainMinutes * 60);
  return seconds > 0 ? seconds : undefined;
}
