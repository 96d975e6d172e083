/** Typed client of the control API, for tests in any package that run against the sandbox. */
import * as z from 'zod/mini';
import {
  CallsReplySchema,
  ClockReplySchema,
  ConsentReplySchema,
  ControlErrorBodySchema,
  FacebookConsentReplySchema,
  FacebookExpireReplySchema,
  FacebookIssueTokenReplySchema,
  FailReplySchema,
  IssueTokenReplySchema,
  ISSUABLE_TOKEN_KINDS,
  ResetReplySchema,
  RevokeReplySchema,
  StateReplySchema,
} from './control-schemas';
import type { FaultMode } from './fault-injection';
import type { FacebookRevocationSubcode, FacebookTokenKind } from './facebook-token-store';
import {
  SandboxConfigSchema,
  type FaultableEndpoint,
  type SandboxConfigPatch,
} from './sandbox-config';
import type { ConsentMode } from './sandbox-state';
import type { RevocationSubcode } from './token-store';

/** Why a control call failed. */
export type SandboxControlErrorCode = 'request_failed' | 'rejected' | 'bad_reply';

/** A control call that did not go through; `code` says whether to fix the call or the sandbox. */
export class SandboxControlError extends Error {
  readonly code: SandboxControlErrorCode;

  constructor(code: SandboxControlErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SandboxControlError';
    this.code = code;
  }
}

/** Extra settings of an injected failure. */
export interface FailOptions {
  /** Throttling code of `rate_limit` (default 4), or the Graph code of `graph_error`. */
  code?: number;
  /** Subcode of `graph_error`, e.g. 36009 or 463. */
  subcode?: number;
  /** Adds `Retry-After` to `rate_limit` responses. */
  retryAfterSeconds?: number;
}

/** A kind `issueToken` can mint; `basic_display` is a dead `IGQVJ…` token. */
export type IssuableTokenKind = (typeof ISSUABLE_TOKEN_KINDS)[number];

/** What to mint with `issueToken`. */
export interface IssueTokenInput {
  userId: string;
  kind?: IssuableTokenKind;
  ageSeconds?: number;
  expiresInSeconds?: number;
}

/** What to mint with `facebook.issueToken`. */
export interface FacebookIssueTokenInput {
  /** A seeded Facebook user id. */
  userId: string;
  /** `long` (default), `short`, or `page` (with `pageId`). */
  kind?: FacebookTokenKind;
  pageId?: string;
  /** Granted scopes; default every permission the sandbox knows. */
  scopes?: string[];
  ageSeconds?: number;
  expiresInSeconds?: number;
}

/**
 * Creates a client for the sandbox at `baseUrl` (its origin, e.g. `http://127.0.0.1:8788`). Each
 * method resolves to the endpoint's JSON reply, parsed.
 */
export function createSandboxControl(baseUrl: string) {
  const call = async <T extends z.ZodMiniType>(
    method: 'GET' | 'POST',
    path: string,
    schema: T,
    body?: unknown,
  ): Promise<z.output<T>> => {
    const url = new URL(`/__control/${path}`, baseUrl);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new SandboxControlError('request_failed', `Sandbox unreachable at ${url.origin}`, {
        cause: error,
      });
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const detail = ControlErrorBodySchema.safeParse(json);
      const message = detail.success ? detail.data.error.message : `HTTP ${response.status}`;
      throw new SandboxControlError('rejected', `${method} /__control/${path}: ${message}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new SandboxControlError('bad_reply', `Unexpected reply from /__control/${path}`, {
        cause: parsed.error,
      });
    }
    return parsed.data;
  };

  return {
    /** Back to defaults: no tokens, codes or sessions, counters 0, clock offset 0, consent 'ask'. */
    reset: () => call('POST', 'reset', ResetReplySchema, {}),
    /** Changes some settings; resolves to the whole configuration. */
    configure: (partial: SandboxConfigPatch) =>
      call('POST', 'config', SandboxConfigSchema, partial),
    /** Moves sandbox time forward; resolves to `{ now }`, the new sandbox time (ISO). */
    advanceClock: (seconds: number) =>
      call('POST', 'clock', ClockReplySchema, { advanceSeconds: seconds }),
    /** Resolves to `{ now }`, the sandbox time (ISO). */
    now: () => call('GET', 'clock', ClockReplySchema),
    /** Revokes every token of a user (460 unless told); resolves to `{ revoked }`, a count. */
    revoke: (userId: string, subcode?: RevocationSubcode) =>
      call('POST', 'revoke', RevokeReplySchema, { userId, subcode }),
    /** Makes the next `count` calls to `endpoint` fail in `mode`. */
    failNext: (
      endpoint: FaultableEndpoint,
      mode: FaultMode,
      count = 1,
      options: FailOptions = {},
    ) => call('POST', 'fail', FailReplySchema, { endpoint, mode, count, ...options }),
    /** Request counters per endpoint, and too-early refreshes. */
    calls: () => call('GET', 'calls', CallsReplySchema),
    /** Mints a token directly (long-lived and fresh unless told otherwise). */
    issueToken: (input: IssueTokenInput) => call('POST', 'tokens', IssueTokenReplySchema, input),
    /**
     * Whether `GET /oauth/authorize` shows the page or answers Allow / Deny at once, and which
     * account `allow` logs in as when no session applies (the first seeded user by default).
     */
    setConsent: (mode: ConsentMode, userId?: string) =>
      call('POST', 'consent', ConsentReplySchema, { mode, userId }),
    /** Debug view without token strings. */
    state: () => call('GET', 'state', StateReplySchema),
    /** The Facebook Login half of the sandbox. */
    facebook: {
      /**
       * Whether the dialog shows its page or answers Allow / Cancel at once, and which Facebook
       * user `allow` logs in as when no session applies (the first seeded one by default).
       */
      setConsent: (mode: ConsentMode, userId?: string) =>
        call('POST', 'facebook/consent', FacebookConsentReplySchema, { mode, userId }),
      /** Revokes every live token of a Facebook user (460 unless told); resolves to `{ revoked }`. */
      revoke: (userId: string, subcode?: FacebookRevocationSubcode) =>
        call('POST', 'facebook/revoke', RevokeReplySchema, { userId, subcode }),
      /** Makes every live token of a Facebook user expire now; resolves to `{ expired }`. */
      expire: (userId: string) =>
        call('POST', 'facebook/expire', FacebookExpireReplySchema, { userId }),
      /** Mints a Facebook token directly (long-lived, every scope, unless told otherwise). */
      issueToken: (input: FacebookIssueTokenInput) =>
        call('POST', 'facebook/tokens', FacebookIssueTokenReplySchema, input),
    },
  };
}

/** The control client's type. */
export type SandboxControl = ReturnType<typeof createSandboxControl>;
