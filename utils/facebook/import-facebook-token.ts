/**
 * Importing a Facebook Login user token (`EAA…`): the proxy's `debug_token` says whether it is
 * valid, whose it is and when it ends; its Pages then lead to the Instagram accounts. Nothing is
 * stored for a token that is dead, a Page token, or one that reaches no Instagram account.
 */
import { AppError } from '@/utils/errors';
import { words } from '@/utils/words';
import { graphApiBase } from '@/utils/settings/profile-endpoints';
import { isProfileReady } from '@/utils/settings/select-profile';
import type { Settings } from '@/utils/settings/settings';
import { debugLiveToken } from './debug-verdict';
import { saveLinkedAccounts } from './save-linked-accounts';

/** The Facebook Login profile to check a token with: the chosen one, else the active, else any. */
function facebookProfile(settings: Settings, profileId: string | undefined) {
  const candidates = [profileId, settings.activeProfileId]
    .map((id) => settings.profiles.find((profile) => profile.id === id))
    .concat(settings.profiles);
  const profile = candidates.find((candidate) => candidate?.flavor === 'facebook');
  if (!profile) throw new AppError('facebook_profile_missing');
  if (!isProfileReady(profile)) throw new AppError('setup_incomplete');
  return profile;
}

/** Checks a pasted Facebook user token and stores each Instagram account it reaches. */
export async function importFacebookToken(
  token: string,
  settings: Settings,
  profileId: string | undefined,
): Promise<{ accountId: string; username: string; replaced: boolean; expiresAt: number | null }> {
  const profile = facebookProfile(settings, profileId);
  const { data, dates } = await debugLiveToken(profile, token);
  if (data.type === 'PAGE') {
    throw new AppError('token_invalid', { message: words('page_token_pasted') });
  }
  const saved = await saveLinkedAccounts(graphApiBase(profile), {
    token,
    profileId: profile.id,
    scopes: data.scopes,
    issuedAt: data.issued_at === undefined ? Date.now() : data.issued_at * 1000,
    ...dates,
    origin: 'import',
  });
  return {
    accountId: saved.accounts[0].id,
    username: saved.usernames,
    replaced: saved.replaced,
    expiresAt: dates.expiresAt,
  };
}
