/** Bodies and replies of the control API (`/__control/*`), shared by its routes and its client. */
import * as z from 'zod/mini';
import { FAULT_MODES } from './fault-injection';
import { isRateLimitCode } from '../shared/instagram-error-codes';
import { FACEBOOK_REVOCATION_SUBCODES } from './facebook-token-store';
import { FAULTABLE_ENDPOINTS, SandboxConfigSchema } from './sandbox-config';
import { REVOCATION_SUBCODES } from './token-store';

const Seconds = z.number().check(z.nonnegative());
const UserId = z.string().check(z.regex(/^\d+$/));

/** `POST /__control/clock`. */
export const ClockAdvanceSchema = z.strictObject({ advanceSeconds: Seconds });

/** Reply of both clock calls: sandbox time. */
export const ClockReplySchema = z.object({ now: z.iso.datetime() });

/** `POST /__control/revoke`; `userId` is the `user_id` (or the app-scoped `id`). */
export const RevokeSchema = z.strictObject({
  userId: UserId,
  subcode: z.optional(z.literal([...REVOCATION_SUBCODES])),
});

/** Reply of `POST /__control/revoke`: how many live tokens were revoked. */
export const RevokeReplySchema = z.object({ revoked: z.number() });

/**
 * `POST /__control/fail`. `code` is a throttling code for `rate_limit`, and any Graph code (with
 * an optional `subcode`) for `graph_error`, which needs one.
 */
export const FailSchema = z
  .strictObject({
    endpoint: z.enum(FAULTABLE_ENDPOINTS),
    mode: z.enum(FAULT_MODES),
    count: z.optional(z.int().check(z.positive())),
    code: z.optional(z.int().check(z.positive())),
    subcode: z.optional(z.int().check(z.positive())),
    retryAfterSeconds: z.optional(z.int().check(z.nonnegative())),
  })
  .check(
    z.refine(
      (fail) => fail.mode !== 'rate_limit' || fail.code === undefined || isRateLimitCode(fail.code),
      {
        error: 'code of rate_limit must be a throttling code: 4, 17, 32, 341, 613, 80001 or 80002',
        path: ['code'],
      },
    ),
    z.refine((fail) => fail.mode !== 'graph_error' || fail.code !== undefined, {
      error: 'graph_error needs a code',
      path: ['code'],
    }),
  );

/** One armed fault as reported back. */
export const ArmedFaultSchema = z.object({
  mode: z.enum(FAULT_MODES),
  code: z.number(),
  subcode: z.optional(z.number()),
  retryAfterSeconds: z.optional(z.number()),
  remaining: z.number(),
});

/** Reply of `POST /__control/fail`. */
export const FailReplySchema = z.object({
  endpoint: z.enum(FAULTABLE_ENDPOINTS),
  fault: ArmedFaultSchema,
});

/** Reply of `GET /__control/calls`. */
export const CallsReplySchema = z.object({
  'oauth/authorize': z.number(),
  'oauth/access_token': z.number(),
  access_token: z.number(),
  refresh_access_token: z.number(),
  me: z.number(),
  'facebook/dialog/oauth': z.number(),
  'facebook/oauth/access_token': z.number(),
  'facebook/fb_exchange_token': z.number(),
  'facebook/debug_token': z.number(),
  'facebook/me': z.number(),
  'facebook/me/accounts': z.number(),
  'facebook/page': z.number(),
  refreshTooEarly: z.number(),
});

/** What `POST /__control/tokens` can mint: a live token, or a dead Basic Display one. */
export const ISSUABLE_TOKEN_KINDS = ['long', 'short', 'basic_display'] as const;

/** `POST /__control/tokens`: mint a token without the OAuth dance. */
export const IssueTokenSchema = z.strictObject({
  userId: UserId,
  kind: z.optional(z.enum(ISSUABLE_TOKEN_KINDS)),
  ageSeconds: z.optional(Seconds),
  expiresInSeconds: z.optional(Seconds),
});

/** Reply of `POST /__control/tokens`. */
export const IssueTokenReplySchema = z.object({
  access_token: z.string(),
  expires_in: z.number(),
  issued_at: z.iso.datetime(),
});

const ConsentModeSchema = z.enum(['ask', 'allow', 'deny']);

/**
 * `POST /__control/consent`: the mode, and the account `allow` logs in as when no session applies
 * (the first seeded user when left out).
 */
export const ConsentSchema = z.strictObject({
  mode: ConsentModeSchema,
  userId: z.optional(UserId),
});

/** Reply of `POST /__control/consent`: the mode and the auto-allow account's `user_id`. */
export const ConsentReplySchema = z.object({ mode: ConsentModeSchema, userId: UserId });

/** `POST /__control/facebook/consent`: like `/consent`, for the Facebook dialog. */
export const FacebookConsentSchema = z.strictObject({
  mode: ConsentModeSchema,
  userId: z.optional(UserId),
});

/** Reply of `POST /__control/facebook/consent`: the mode and the auto-allow Facebook user id. */
export const FacebookConsentReplySchema = z.object({ mode: ConsentModeSchema, userId: UserId });

/** `POST /__control/facebook/revoke`: revoke a Facebook user's tokens (460 unless told). */
export const FacebookRevokeSchema = z.strictObject({
  userId: UserId,
  subcode: z.optional(z.literal([...FACEBOOK_REVOCATION_SUBCODES])),
});

/** `POST /__control/facebook/expire`: make a Facebook user's live tokens expire now. */
export const FacebookExpireSchema = z.strictObject({ userId: UserId });

/** Reply of `POST /__control/facebook/expire`: how many live tokens expired. */
export const FacebookExpireReplySchema = z.object({ expired: z.number() });

/** `POST /__control/facebook/tokens`: mint a Facebook token without the dialog. */
export const FacebookIssueTokenSchema = z.strictObject({
  userId: UserId,
  /** `long` (default), `short`, or `page` (then `pageId`, one of the user's Pages). */
  kind: z.optional(z.enum(['short', 'long', 'page'])),
  pageId: z.optional(UserId),
  /** Granted scopes; default every scope the sandbox knows. */
  scopes: z.optional(z.array(z.string().check(z.regex(/^[a-z_]{1,64}$/)))),
  ageSeconds: z.optional(Seconds),
  expiresInSeconds: z.optional(Seconds),
});

/** Reply of `POST /__control/facebook/tokens`; `expires_in` is absent for a token that never expires. */
export const FacebookIssueTokenReplySchema = z.object({
  access_token: z.string(),
  expires_in: z.optional(z.number()),
  issued_at: z.iso.datetime(),
});

/** Reply of `POST /__control/reset`. */
export const ResetReplySchema = z.object({ ok: z.literal(true) });

/** Reply of `GET /__control/state`: a debug view that never contains a token string. */
export const StateReplySchema = z.object({
  now: z.iso.datetime(),
  config: SandboxConfigSchema,
  consent: ConsentModeSchema,
  consentUserId: UserId,
  /** Login sessions (session cookies the sandbox would honour). */
  sessions: z.number(),
  liveTokens: z.record(z.string(), z.object({ short: z.number(), long: z.number() })),
  pendingCodes: z.number(),
  heldRequests: z.number(),
  faults: z.partialRecord(z.enum(FAULTABLE_ENDPOINTS), ArmedFaultSchema),
  calls: CallsReplySchema,
  /** The Facebook dialog and tokens, also without token strings. */
  facebook: z.object({
    consent: ConsentModeSchema,
    consentUserId: UserId,
    sessions: z.number(),
    liveTokens: z.record(
      z.string(),
      z.object({ short: z.number(), long: z.number(), page: z.number() }),
    ),
    pendingCodes: z.number(),
  }),
});

/** Body of every control API error. */
export const ControlErrorBodySchema = z.object({ error: z.object({ message: z.string() }) });
