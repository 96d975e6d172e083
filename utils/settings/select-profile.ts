/**
 * Which app profile a login, an import or a check uses, and whether it is set up. Pages use this
 * too, so it stays free of the error table.
 */
import type { AppProfile } from './settings';

/** Profiles and which one is active: the settings, or the pages' view of them. */
export interface ProfileChoice<P extends { id: string }> {
  profiles: readonly P[];
  activeProfileId: string;
}

/**
 * The profile with `profileId`; else the active one; else the first. An account whose profile was
 * deleted is thereby served by the active profile, in the background and on pages alike.
 */
export function selectProfile<P extends { id: string }>(
  settings: ProfileChoice<P>,
  profileId?: string,
): P {
  const wanted = profileId ?? settings.activeProfileId;
  const profile =
    settings.profiles.find((candidate) => candidate.id === wanted) ??
    settings.profiles.find((candidate) => candidate.id === settings.activeProfileId) ??
    settings.profiles[0];
  // The settings schema requires at least one profile; pages import this, so no error table here.
  if (!profile) throw new Error('No app profile is stored.');
  return profile;
}

/** Whether a profile has what a login needs: a Client ID and a proxy. */
export function isProfileReady(profile: Pick<AppProfile, 'clientId' | 'proxyUrl'>): boolean {
  return profile.clientId !== '' && profile.proxyUrl !== '';
}
