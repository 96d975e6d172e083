/**
 * Importing a token the user already has: it is checked against `/me` first, so a garbage or
 * revoked token is refused with Instagram's reason and nothing is stored. Its age and expiry are
 * unknown until the first refresh.
 */
import { HEALTHY, appendEvent } from './account-record';
import { saveAccount } from './account-store';
import { PROFILE_FIELDS } from './connect-account';
import { AppError } from './errors';
import { fetchProfile } from './graph-api';
import { readSettings } from './settings-store';
import { detectTokenKind } from './token-kind';

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
  const settings = await readSettings();
  const profile =
    settings.profiles.find((p) => p.id === (profileId ?? settings.activeProfileId)) ??
    settings.profiles[0];
  if (!profile) throw new AppError('setup_incomplete');
  const me = await fetchProfile(profile.graphUrl, token, PROFILE_FIELDS);
  const accountId = me.user_id ?? me.id;
  if (!accountId)
    throw new AppError('token_invalid', { message: 'Instagram did not say whose token this is.' });
  const now = Date.now();
  const { replaced } = await saveAccount(
    accountId,
    (existing) => ({
      ...HEALTHY,
      id: accountId,
      username: me.username,
      accountType: me.account_type,
      profilePictureUrl: me.profile_picture_url,
      appScopedId: me.id,
      profileId: profile.id,
      scopes: existing?.scopes ?? [],
      tokenKind: detectTokenKind(token),
      connectedAt: existing?.connectedAt ?? now,
      issuedAt: now,
      expiresAt: null,
      lastRefreshedAt: null,
      lastCheckedAt: now,
      events: appendEvent(existing?.events ?? [], {
        at: now,
        type: 'imported',
        ok: true,
        message: 'Imported and checked with Instagram; expiry unknown until the first refresh.',
      }),
    }),
    token,
  );
  return { accountId, username: me.username, replaced };
}
