/** The user's lifecycle settings in the units the lifecycle code works in. */
import { selectProfile } from '@/utils/settings/select-profile';
import { graphApiBase } from '@/utils/settings/profile-endpoints';
import type { AppProfile, Settings } from '@/utils/settings/settings';
import { createDefaultSettings } from '@/utils/settings/settings';
import { readSettings } from '@/utils/settings/settings-store';
import type { RefreshPolicy } from './refresh-policy';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Refresh, check and warning timings, plus where each account's Graph API is. */
export interface LifecyclePolicy extends RefreshPolicy {
  checkIntervalMs: number;
  /** A token this close to expiry counts as "expiring"; the same window refresh aims at. */
  warningWindowMs: number;
  notificationsEnabled: boolean;
  notifyWindowMs: number;
  /** An account's app profile (the active one if its profile was deleted). */
  profileFor(profileId: string): AppProfile;
  /** The Graph API base of an account's app profile. */
  graphUrlFor(profileId: string): string;
}

/** Converts stored settings into a lifecycle policy. */
export function lifecyclePolicy(settings: Settings): LifecyclePolicy {
  return {
    windowMs: settings.refreshWindowDays * DAY_MS,
    maxAgeMs: settings.maxTokenAgeDays * DAY_MS,
    checkIntervalMs: settings.checkIntervalHours * HOUR_MS,
    warningWindowMs: settings.refreshWindowDays * DAY_MS,
    notificationsEnabled: settings.notificationsEnabled,
    notifyWindowMs: settings.notifyDaysBeforeExpiry * DAY_MS,
    profileFor: (profileId) => selectProfile(settings, profileId),
    graphUrlFor: (profileId) => graphApiBase(selectProfile(settings, profileId)),
  };
}

/**
 * The stored settings for upkeep; unreadable settings fall back to the defaults, so that a
 * settings problem never stops tokens from being refreshed.
 */
export async function readUpkeepSettings(): Promise<{ settings: Settings; readable: boolean }> {
  return readSettings().then(
    (settings) => ({ settings, readable: true }),
    () => ({ settings: createDefaultSettings(), readable: false }),
  );
}
