/** The Inspect panel's view of a Facebook Login token: every field `debug_token` returns. */
import type { DebugToken } from '@/shared/exchange-contract';
import { AppError } from '@/utils/errors';
import { debugToken } from '@/utils/connect/proxy-client';
import { selectProfile } from '@/utils/settings/select-profile';
import { readSettings } from '@/utils/settings/settings-store';
import { findAccount, readAccountToken } from '@/utils/vault/account-store';

/** Asks the account's proxy what `debug_token` says about its user token. */
export async function inspectFacebookAccount(accountId: string): Promise<DebugToken> {
  const account = await findAccount(accountId);
  if (account.tokenKind !== 'facebook_login') {
    // Only a Facebook Login token has a debug_token to read; pages never ask for another.
    throw new AppError('invalid_message');
  }
  const profile = selectProfile(await readSettings(), account.profileId);
  return debugToken(profile.proxyUrl, {
    access_token: await readAccountToken(accountId),
    client_id: profile.clientId,
  });
}
