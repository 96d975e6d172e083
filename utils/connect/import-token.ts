/**
 * Importing a token the user already has: it is checked against `/me` first, so a garbage or
 * revoked token is refused with Instagram's reason and nothing is stored. Its age and expiry are
 * unknown until the first refresh.
 */
import { AppError } from '@/utils/errors';
import { PROFILE_FIELDS, accountIdOf, fetchProfile } from '@/utils/instagram/fetch-profile';
import { detectTokenKind } from '@/utils/instagram/token-kind';
import { selectProfile } from '@/utils/settings/select-profile';
import { readSettings } from '@/utils/settings/settings-store';
import { saveNewToken } from './account-from-profile';

/** Characters Instagram and Facebook tokens are made of. */
const TOKEN_SHAPE = /^[A-Za-z0-9_.|-]{20,2048}$/;

/** Validates a pasted token with Instagram and stores it; returns who it belongs to. */
export async function importToken(
  pasted: string,
  profileId?: string,
): Promise<{ accountId: string; username: string; replaced: boolean }> {
  const token = pasted.trim();
  if (!TOKEN_SHAPE.test(token)) {
    throw new AppError('token_invalid', { message: 'That does not look like an access token.' });
  }
  // Instagram refuses these since 4 Dec 2024; saying why beats relaying "Unsupported request".
  if (detectTokenKind(token) === 'basic_display') throw new AppError('basic_display_retired');
  const profile = selectProfile(await readSettings(), profileId);
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
  return { accountId, username: me.username, replaced };
}
