/** Bodies and replies of the control API (`/__control/*`), shared by its routes and its client. */
import * as z from 'zod/mini';
import { FAULT_MODES } from './fault-injection';
import { RATE_LIMIT_CODES } from '../shared/instagram-error-codes';
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

/** `POST /__control/fail`. */
export const FailSchema = z.strictObject({
  endpoint: z.enum(FAULTABLE_ENDPOINTS),
  mode: z.enum(FAULT_MODES),
  count: z.optional(z.int().check(z.positive())),
  code: z.optional(z.literal([...RATE_LIMIT_CODES])),
  retryAfterSeconds: z.optional(z.int().check(z.nonnegative())),
});

/** One armed fault as reported back. */
export const ArmedFaultSchema = z.object({
  mode: z.enum(FAULT_MODES),
  code: z.literal([...RATE_LIMIT_CODES]),
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
});

/** Body of every control API error. */
export const ControlErrorBodySchema = z.object({ error: z.object({ message: z.string() }) });
