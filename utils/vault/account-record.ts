/** The stored shape of a connected Instagram account: its metadata and its sealed token. */
import * as z from 'zod/mini';
import { TokenEnvelopeSchema } from './token-envelope';

/** How a token was obtained, read from its prefix. */
export const TOKEN_KINDS = [
  'instagram_login',
  'basic_display',
  'facebook_login',
  'unknown',
] as const;
/** One of {@link TOKEN_KINDS}. */
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** What happened to an account, kept as a short history for the inspect panel. */
export const ACCOUNT_EVENT_TYPES = [
  'connected',
  'reconnected',
  'imported',
  'refreshed',
  'refresh_failed',
  'checked',
  'check_failed',
  'cli_read',
  'hook_ran',
] as const;

/** One entry of an account's history. */
export const AccountEventSchema = z.object({
  at: z.number(),
  type: z.enum(ACCOUNT_EVENT_TYPES),
  ok: z.boolean(),
  message: z.string(),
  code: z.optional(z.string()),
  hint: z.optional(z.string()),
  /** How many times in a row this happened; `at` is the latest (command-line reads). */
  count: z.optional(z.number().check(z.int(), z.positive())),
});
/** An account history entry. */
export type AccountEvent = z.infer<typeof AccountEventSchema>;

/** How many history entries an account keeps. */
export const MAX_ACCOUNT_EVENTS = 20;

/**
 * What the last check or refresh found. `ok` until something goes wrong; transient problems
 * (`rate_limited`, `network_error`) are retried, the others need the user. `refused`: Instagram
 * answered the check with a refusal that is not about the token's life (a permission, an
 * unsupported request).
 */
export const ACCOUNT_HEALTH = [
  'ok',
  'expired',
  'revoked',
  'refused',
  'rate_limited',
  'network_error',
] as const;
/** One of {@link ACCOUNT_HEALTH}. */
export type AccountHealth = (typeof ACCOUNT_HEALTH)[number];

/** A warning that was already notified, so that each is shown once. */
export const NOTICES = ['expiring', 'dead'] as const;

/**
 * A stored account. Times are epoch milliseconds; `expiresAt` is null until known. Lifecycle
 * fields have defaults, so records written before they existed still read.
 */
export const AccountRecordSchema = z.object({
  id: z.string().check(z.regex(/^\d+$/)),
  username: z.string(),
  accountType: z.optional(z.string()),
  profilePictureUrl: z.optional(z.string()),
  appScopedId: z.optional(z.string()),
  profileId: z.string(),
  scopes: z.array(z.string()),
  tokenKind: z.enum(TOKEN_KINDS),
  connectedAt: z.number(),
  issuedAt: z.number(),
  expiresAt: z.nullable(z.number()),
  lastRefreshedAt: z.nullable(z.number()),
  lastCheckedAt: z.nullable(z.number()),
  events: z.array(AccountEventSchema),
  health: z._default(z.enum(ACCOUNT_HEALTH), 'ok'),
  /** The last refresh failed in a way retrying will not fix; the token works until it expires. */
  refreshFailed: z._default(z.boolean(), false),
  /** After a transient failure: how many in a row, and not before when to try again. */
  retry: z._default(z.nullable(z.object({ attempt: z.number(), notBefore: z.number() })), null),
  notified: z._default(z.nullable(z.enum(NOTICES)), null),
  /**
   * False for the short-lived (about one hour) token of a login whose 60-day exchange Instagram
   * kept refusing; a refresh or a new login makes it true again.
   */
  longLived: z._default(z.boolean(), true),
  /** Facebook Login: when the app loses access to the user's data, however long the token lives. */
  dataAccessExpiresAt: z._default(z.nullable(z.number()), null),
  /** Facebook Login: the Page the Instagram account is linked to, which it was found through. */
  page: z.optional(z.object({ id: z.string().check(z.regex(/^\d+$/)), name: z.string() })),
  token: TokenEnvelopeSchema,
  /** Facebook Login: that Page's own token (it does not expire), sealed like the user token. */
  pageToken: z.optional(TokenEnvelopeSchema),
});
/** A stored account with its sealed token. */
export type AccountRecord = z.infer<typeof AccountRecordSchema>;

/** Which of an account's tokens: the user token, or (Facebook Login) its Page's token. */
export type TokenSlot = 'token' | 'pageToken';

/** Additional data that binds a sealed token to its account and slot, so none can be swapped. */
export function sealSlot(accountId: string, slot: TokenSlot): string {
  return slot === 'token' ? accountId : `${accountId}/page`;
}

/** Adds an event to the front of a history, keeping the newest {@link MAX_ACCOUNT_EVENTS}. */
export function appendEvent(events: readonly AccountEvent[], event: AccountEvent): AccountEvent[] {
  return [event, ...events].slice(0, MAX_ACCOUNT_EVENTS);
}

/** Lifecycle fields of an account whose token was just issued or refreshed and works. */
export const HEALTHY: Pick<
  AccountRecord,
  'health' | 'refreshFailed' | 'retry' | 'notified' | 'longLived'
> = {
  health: 'ok',
  refreshFailed: false,
  retry: null,
  notified: null,
  longLived: true,
};
