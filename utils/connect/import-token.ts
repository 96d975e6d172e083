/**
 * Importing a token the user already has: it is checked against `/me` first, so a garbage or
 * revoked token is refused with Instagram's reason and nothing is stored. Its age and expiry are
 * unknown until the first refresh. A Facebook Login token goes its own way (`debug_token` knows
 * its dates).
 */
import { AppError } from '@/utils/errors';
import { words } from '@/utils/words';
import { PROFILE_FIELDS, accountIdOf, fetchProfile } from '@/utils/instagram/fetch-profile';
import { detectTokenKind } from '@/utils/instagram/token-kind';
import { selectProfile } from '@/utils/settings/select-profile';
import { readSettings } from '@/utils/settings/settings-store';
import { importFacebookToken } from '@/utils/facebook/import-facebook-token';
import { saveNewToken } from './account-from-profile';

/** Characters Instagram and Facebook tokens are made of. */
const TOKEN_SHAPE = /^[A-Za-z0-9_.|-]{20,2048}$/;

/** Validates a pasted token with Instagram and stores it; returns who it belongs to. */
export async function importToken(
  pasted: string,
  profileId?: string,
): Promise<{ accountId: string; username: string; replaced: boolean; expiresAt: number | null }> {
  const token = pasted.trim();
  if (!TOKEN_SHAPE.test(token)) {
    throw new AppError('token_invalid', { message: words('token_shape') });
  }
  // Instagram refuses these since 4 Dec 2024; saying why beats relaying "Unsupported request".
  if (detectTokenKind(token) === 'basic_display') throw new AppError('basic_display_retired');
  const settings = await readSettings();
  if (detectTokenKind(token) === 'facebook_login') {
    return importFacebookToken(token, settings, profileId);
  }
  const profile = selectProfile(settings, profileId);
  const me = await fetchProfile(profile.graphUrl, token, PROFILE_FIELDS);
  const accountId = accountIdOf(me);
  const { replaced } = await saveNewToken(accountId, me, {
    token,
    profileId: profile.id,
    scopes: [],
    issuedAt: Date.now(),
    expiresAt: null,
    origin: 'import',
  });
  return { accountId, username: me.username, replaced, expiresAt: null };
}
