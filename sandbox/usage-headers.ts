/** Graph usage headers: `X-App-Usage` and `X-Business-Use-Case-Usage` (docs/instagram-contract.md §7.2–7.3). */
import type { SandboxConfig } from './sandbox-config';

/**
 * `X-App-Usage`: whole-number percentages of the app's quota, in graph.instagram.com's
 * `{call_volume,cpu_time}` form or graph.facebook.com's `{call_count,total_time,total_cputime}`.
 */
export function appUsageHeader(
  form: SandboxConfig['appUsageForm'],
  callCount: number,
  time: number = callCount,
): string {
  return form === 'instagram'
    ? JSON.stringify({ call_volume: callCount, cpu_time: time })
    : JSON.stringify({ call_count: callCount, total_time: time, total_cputime: time });
}

/** `X-Business-Use-Case-Usage` of an exhausted Instagram account, keyed by its id. */
export function businessUseCaseHeader(businessId: string, regainMinutes: number): string {
  return JSON.stringify({
    [businessId]: [
      {
        type: 'instagram',
        call_count: 100,
        total_cputime: 25,
        total_time: 25,
        estimated_time_to_regain_access: regainMinutes,
      },
    ],
  });
}
