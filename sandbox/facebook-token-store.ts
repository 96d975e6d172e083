/**
 * In-memory Facebook Login codes and tokens (user and Page), aged by the sandbox clock. Unlike
 * Instagram's store it remembers spent codes, because Facebook tells "used" (100/36009) from
 * "expired" (100/36007) (docs/instagram-contract.md §9.2).
 */
import {
  FB_CODE_TTL_SECONDS,
  FB_DATA_ACCESS_TTL_SECONDS,
  FB_SHORT_LIVED_TTL_SECONDS,
  LONG_LIVED_TTL_SECONDS,
} from './defaults';
import { newAuthorizationCode, newFacebookToken } from './random-strings';
import type { SandboxClock } from './sandbox-clock';
import { reportSecret } from './secret-listener';

/** A short-lived (about 2 h) or long-lived (60 days) user token, or a Page token. */
export type FacebookTokenKind = 'short' | 'long' | 'page';

/** The subcodes of 190 a revoked Facebook token reports (docs/instagram-contract.md §6.3). */
export const FACEBOOK_REVOCATION_SUBCODES = [458, 459, 460, 464, 467] as const;
/** Why a Facebook token was revoked. */
export type FacebookRevocationSubcode = (typeof FACEBOOK_REVOCATION_SUBCODES)[number];

/** What the sandbox knows about a Facebook token. */
export interface FacebookTokenRecord {
  readonly userId: string;
  readonly kind: FacebookTokenKind;
  /** The Page a Page token acts for. */
  readonly pageId?: string;
  readonly issuedAtMs: number;
  /** `null`: never expires (a Page token obtained with a long-lived user token, §9.5). */
  expiresAtMs: number | null;
  readonly dataAccessExpiresAtMs: number;
  readonly scopes: readonly string[];
  revokedSubcode?: FacebookRevocationSubcode;
}

/** What a Facebook code was issued for. */
export interface FacebookCodeGrant {
  readonly redirectUri: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  /** The S256 PKCE challenge of the dialog, when it had one. */
  readonly codeChallenge?: string;
}

/** Outcome of redeeming a code; each failure has its own Facebook answer. */
export type FacebookCodeRedemption =
  | { ok: true; grant: FacebookCodeGrant; issuedAtMs: number }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'redirect_mismatch' };

/** Outcome of presenting a token string. */
export type FacebookTokenLookup =
  | { status: 'valid'; record: FacebookTokenRecord }
  | { status: 'unknown' }
  | { status: 'expired'; record: FacebookTokenRecord }
  | { status: 'revoked'; record: FacebookTokenRecord; subcode: FacebookRevocationSubcode };

/** Request to mint a token. */
export interface FacebookTokenRequest {
  userId: string;
  kind: FacebookTokenKind;
  scopes: readonly string[];
  pageId?: string;
  /** Backdates the token by this many seconds. */
  ageSeconds?: number;
  /** Lifetime from the (backdated) issue time; `null` never expires. Default by kind. */
  expiresInSeconds?: number | null;
  /** When data access ends; default 90 days after the issue time. */
  dataAccessExpiresAtMs?: number;
}

/** The store's operations. */
export interface FacebookTokenStore {
  issueCode(grant: FacebookCodeGrant): string;
  redeemCode(code: string, redirectUri: string): FacebookCodeRedemption;
  issueToken(request: FacebookTokenRequest): { token: string; record: FacebookTokenRecord };
  lookup(token: string): FacebookTokenLookup;
  /** Revokes every live token of a user; returns how many. */
  revokeUser(userId: string, subcode: FacebookRevocationSubcode): number;
  /** Makes every live token of a user expire now; returns how many. */
  expireUser(userId: string): number;
  liveTokenCounts(): Record<string, Record<FacebookTokenKind, number>>;
  pendingCodeCount(): number;
  clear(): void;
}

interface StoredCode extends FacebookCodeGrant {
  readonly issuedAtMs: number;
  spent: boolean;
}

const DEFAULT_TTL_SECONDS: Readonly<Record<FacebookTokenKind, number | null>> = {
  short: FB_SHORT_LIVED_TTL_SECONDS,
  long: LONG_LIVED_TTL_SECONDS,
  page: null,
};

/** Creates an empty store reading time from `clock`. */
export function createFacebookTokenStore(clock: SandboxClock): FacebookTokenStore {
  const codes = new Map<string, StoredCode>();
  const tokens = new Map<string, FacebookTokenRecord>();
  const codeIsLive = (stored: StoredCode) =>
    !stored.spent && clock.now() - stored.issuedAtMs < FB_CODE_TTL_SECONDS * 1000;
  const isLive = (record: FacebookTokenRecord) =>
    record.revokedSubcode === undefined &&
    (record.expiresAtMs === null || clock.now() < record.expiresAtMs);
  const liveOf = (userId: string) =>
    [...tokens.values()].filter((record) => record.userId === userId && isLive(record));

  return {
    issueCode(grant) {
      const code = newAuthorizationCode();
      reportSecret('authorization_code', code);
      codes.set(code, { ...grant, issuedAtMs: clock.now(), spent: false });
      return code;
    },

    redeemCode(code, redirectUri) {
      const stored = codes.get(code);
      if (stored === undefined) return { ok: false, reason: 'unknown' };
      if (stored.spent) return { ok: false, reason: 'used' };
      if (!codeIsLive(stored)) return { ok: false, reason: 'expired' };
      // A mismatch leaves the code usable, as in the Instagram sandbox (unconfirmed either way).
      if (stored.redirectUri !== redirectUri) return { ok: false, reason: 'redirect_mismatch' };
      stored.spent = true;
      return { ok: true, grant: stored, issuedAtMs: stored.issuedAtMs };
    },

    issueToken(request) {
      const issuedAtMs = clock.now() - (request.ageSeconds ?? 0) * 1000;
      const ttl =
        request.expiresInSeconds === undefined
          ? DEFAULT_TTL_SECONDS[request.kind]
          : request.expiresInSeconds;
      const record: FacebookTokenRecord = {
        userId: request.userId,
        kind: request.kind,
        ...(request.pageId === undefined ? {} : { pageId: request.pageId }),
        issuedAtMs,
        expiresAtMs: ttl === null ? null : issuedAtMs + ttl * 1000,
        dataAccessExpiresAtMs:
          request.dataAccessExpiresAtMs ?? issuedAtMs + FB_DATA_ACCESS_TTL_SECONDS * 1000,
        scopes: [...request.scopes],
      };
      const token = newFacebookToken();
      reportSecret('access_token', token);
      tokens.set(token, record);
      return { token, record };
    },

    lookup(token) {
      const record = tokens.get(token);
      if (record === undefined) return { status: 'unknown' };
      if (record.revokedSubcode !== undefined) {
        return { status: 'revoked', record, subcode: record.revokedSubcode };
      }
      if (record.expiresAtMs !== null && clock.now() >= record.expiresAtMs) {
        return { status: 'expired', record };
      }
      return { status: 'valid', record };
    },

    revokeUser(userId, subcode) {
      const live = liveOf(userId);
      for (const record of live) record.revokedSubcode = subcode;
      return live.length;
    },

    expireUser(userId) {
      const live = liveOf(userId);
      for (const record of live) record.expiresAtMs = clock.now();
      return live.length;
    },

    liveTokenCounts() {
      const counts: Record<string, Record<FacebookTokenKind, number>> = {};
      for (const record of tokens.values()) {
        if (!isLive(record)) continue;
        const count = (counts[record.userId] ??= { short: 0, long: 0, page: 0 });
        count[record.kind] += 1;
      }
      return counts;
    },

    pendingCodeCount: () => [...codes.values()].filter(codeIsLive).length,

    clear() {
      codes.clear();
      tokens.clear();
    },
  };
}
