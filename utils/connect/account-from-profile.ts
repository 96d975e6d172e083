/**
 * The account record a new token creates, built from what `/me` says about its owner. A connect
 * and an import build it the same way; a reconnect keeps the stored account's history.
 */
import type { GraphProfile } from '@/utils/instagram/fetch-profile';
import { words } from '@/utils/words';
import { detectTokenKind } from '@/utils/instagram/token-kind';
import { HEALTHY, appendEvent, type AccountEvent } from '@/utils/vault/account-record';
import { saveAccount, type AccountSummary } from '@/utils/vault/account-store';

/** What a new token brings besides its owner's profile. */
export interface NewTokenFacts {
  token: string;
  profileId: string;
  /** Granted scopes; empty when unknown (an import keeps the stored ones then). */
  scopes: readonly string[];
  issuedAt: number;
  expiresAt: number | null;
  /** How the token came: through the login, or pasted by the user. */
  origin: 'connect' | 'import';
  /** Instagram's reason for refusing the 60-day exchange, when it did; the token then lasts an hour. */
  longLivedRefusal?: string;
  /** Facebook Login: when the app's access to the user's data ends (epoch ms). */
  dataAccessExpiresAt?: number | null;
  /** Facebook Login: the Page the account was found through, and that Page's token. */
  page?: { id: string; name: string; token?: string };
}

function tokenEvent(
  facts: NewTokenFacts,
  existing: AccountSummary | undefined,
): Omit<AccountEvent, 'at'> {
  if (facts.origin === 'import') {
    return {
      type: 'imported',
      ok: true,
      message: facts.page
        ? words('event_imported_facebook', facts.page.name)
        : words('event_imported'),
    };
  }
  const type = existing ? 'reconnected' : 'connected';
  if (facts.longLivedRefusal !== undefined) {
    return {
      type,
      ok: false,
      message: words('event_short_lived', facts.longLivedRefusal),
      hint: words('advice_short_lived'),
    };
  }
  const page = facts.page?.name;
  if (page !== undefined) {
    const message = words(existing ? 'event_reconnected_page' : 'event_connected_page', page);
    return { type, ok: true, message };
  }
  return { type, ok: true, message: words(existing ? 'event_reconnected' : 'event_connected') };
}

/** Builds the account for `accountId` from `/me`, replacing `existing` if it was stored before. */
export function accountFromProfile(
  accountId: string,
  me: GraphProfile,
  facts: NewTokenFacts,
  existing: AccountSummary | undefined,
): AccountSummary {
  const now = Date.now();
  return {
    ...HEALTHY,
    id: accountId,
    username: me.username,
    accountType: me.account_type,
    profilePictureUrl: me.profile_picture_url,
    appScopedId: me.id,
    profileId: facts.profileId,
    scopes: facts.scopes.length > 0 ? [...facts.scopes] : (existing?.scopes ?? []),
    tokenKind: detectTokenKind(facts.token),
    connectedAt: existing?.connectedAt ?? now,
    issuedAt: facts.issuedAt,
    expiresAt: facts.expiresAt,
    lastRefreshedAt: null,
    lastCheckedAt: now,
    longLived: facts.longLivedRefusal === undefined,
    dataAccessExpiresAt: facts.dataAccessExpiresAt ?? null,
    page: facts.page && { id: facts.page.id, name: facts.page.name },
    events: appendEvent(existing?.events ?? [], { at: now, ...tokenEvent(facts, existing) }),
  };
}

/**
 * Stores a new token and the account built from `/me` in one write, replacing the account stored
 * under the same id (a reconnect) instead of adding it twice.
 */
export function saveNewToken(
  accountId: string,
  me: GraphProfile,
  facts: NewTokenFacts,
): Promise<{ replaced: boolean }> {
  return saveAccount(
    accountId,
    (existing) => accountFromProfile(accountId, me, facts, existing),
    facts.token,
    facts.page?.token,
  );
}
