/** The user's lifecycle settings in the units the lifecycle code works in. */
import type { AccountSummary } from './account-store';
import type { RefreshPolicy } from './refresh-policy';
import type { Settings } from './settings';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Refresh, check and warning timings, plus each profile's Graph URL. */
export interface LifecyclePolicy extends RefreshPolicy {
  checkIntervalMs: number;
  /** A token this close to expiry counts as "expiring"; the same window refresh aims at. */
  warningWindowMs: number;
  notificationsEnabled: boolean;
  notifyWindowMs: number;
  graphUrls: Readonly<Record<string, string>>;
  defaultGraphUrl: string;
}

/** Converts stored settings into a lifecycle policy. */
export function lifecyclePolicy(settings: Settings): LifecyclePolicy {
  const active = settings.profiles.find((profile) => profile.id === settings.activeProfileId);
  return {
    windowMs: settings.refreshWindowDays * DAY_MS,
    maxAgeMs: settings.maxTokenAgeDays * DAY_MS,
    checkIntervalMs: settings.checkIntervalHours * HOUR_MS,
    warningWindowMs: settings.refreshWindowDays * DAY_MS,
    notificationsEnabled: settings.notificationsEnabled,
    notifyWindowMs: settings.notifyDaysBeforeExpiry * DAY_MS,
    graphUrls: Object.fromEntries(
      settings.profiles.map((profile) => [profile.id, profile.graphUrl]),
    ),
    defaultGraphUrl:
      active?.graphUrl ?? settings.profiles[0]?.graphUrl ?? 'https://graph.instagram.com',
  };
}

/** The Graph URL of the profile an account was connected with; its profile may have been deleted. */
export function graphUrlFor(
  policy: LifecyclePolicy,
  account: Pick<AccountSummary, 'profileId'>,
): string {
  return policy.graphUrls[account.profileId] ?? policy.defaultGraphUrl;
}
