/** The profile a login needs: selected as everywhere else, and set up. */
import { AppError } from '@/utils/errors';
import { isProfileReady, selectProfile } from './select-profile';
import type { AppProfile, Settings } from './settings';

/** The profile a login uses (see {@link selectProfile}); it must be set up. */
export function requireReadyProfile(settings: Settings, profileId?: string): AppProfile {
  const profile = selectProfile(settings, profileId);
  if (!isProfileReady(profile)) throw new AppError('setup_incomplete');
  return profile;
}
