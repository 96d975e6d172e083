/** In-memory authorization codes and access tokens, aged by the sandbox clock. */
import { CODE_TTL_SECONDS, LONG_LIVED_TTL_SECONDS, SHORT_LIVED_TTL_SECONDS } from './defaults';
import { newAccessToken, newAuthorizationCode } from './random-strings';
import type { SandboxClock } from './sandbox-clock';
import { reportSecret } from './secret-listener';

/** Short-lived (1 h, from the code exchange) or long-lived (60 days). */
export type TokenKind = 'short' | 'long';

/** Graph subcodes a revoked token reports. */
export const REVOCATION_SUBCODES = [458, 460, 467] as const;
/** Why a token was revoked, as a Graph subcode. */
export type RevocationSubcode = (typeof REVOCATION_SUBCODES)[number];

/** What the sandbox knows about an issued token. */
export interface TokenRecord {
  readonly userId: string;
  readonly kind: TokenKind;
  readonly issuedAtMs: number;
  readonly expiresAtMs: number;
  readonly permissions: readonly string[];
  revokedSubcode?: RevocationSubcode;
}

/** What an authorization code was issued for. */
export interface CodeGrant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly userId: string;
  readonly permissions: readonly string[];
  /** The S256 PKCE challenge the code was issued with, when the request carried one. */
  readonly codeChallenge?: string;
}

/** Outcome of presenting a token string. */
export type TokenLookup =
  | { status: 'valid'; record: TokenRecord }
  | { status: 'unknown' }
  | { status: 'basic_display' }
  | { status: 'expired'; record: TokenRecord }
  | { status: 'revoked'; subcode: RevocationSubcode };

/** Outcome of redeeming a code. */
export type CodeRedemption =
  { ok: true; grant: CodeGrant } | { ok: false; reason: 'not_found' | 'redirect_mismatch' };

/** Request to mint a token directly. */
export interface TokenRequest {
  userId: string;
  kind: TokenKind;
  permissions: readonly string[];
  /** Backdates the token by this many seconds. */
  ageSeconds?: number;
  /** Lifetime counted from the (backdated) issue time. */
  expiresInSeconds?: number;
}

/** Live token counts of one user, for the debug view. */
export interface LiveTokenCount {
  short: number;
  long: number;
}

/** The store's operations. */
export interface TokenStore {
  issueCode(grant: CodeGrant): string;
  redeemCode(code: string, clientId: string, redirectUri: string): CodeRedemption;
  issueToken(request: TokenRequest): { token: string; record: TokenRecord };
  lookup(token: string): TokenLookup;
  revokeToken(token: string, subcode: RevocationSubcode): void;
  revokeUser(userId: string, subcode: RevocationSubcode): number;
  liveTokenCounts(): Record<string, LiveTokenCount>;
  pendingCodeCount(): number;
  clear(): void;
}

interface StoredCode extends CodeGrant {
  readonly issuedAtMs: number;
}

/** Prefixes of Basic Display tokens (docs/instagram-contract.md §11); the store never mints them. */
const BASIC_DISPLAY_PREFIXES = ['IGQV', 'IGQWR'];

function isBasicDisplayToken(token: string): boolean {
  return BASIC_DISPLAY_PREFIXES.some((prefix) => token.startsWith(prefix));
}

/** Creates an empty store reading time from `clock`. */
export function createTokenStore(clock: SandboxClock): TokenStore {
  const codes = new Map<string, StoredCode>();
  const tokens = new Map<string, TokenRecord>();

  const codeIsLive = (stored: StoredCode) =>
    clock.now() - stored.issuedAtMs < CODE_TTL_SECONDS * 1000;

  return {
    issueCode(grant) {
      const code = newAuthorizationCode();
      reportSecret('authorization_code', code);
      codes.set(code, { ...grant, issuedAtMs: clock.now() });
      return code;
    },

    redeemCode(code, clientId, redirectUri) {
      const stored = codes.get(code);
      if (!stored || !codeIsLive(stored) || stored.clientId !== clientId) {
        return { ok: false, reason: 'not_found' };
      }
      // A mismatch leaves the code usable, so a corrected retry still works within the hour.
      if (stored.redirectUri !== redirectUri) return { ok: false, reason: 'redirect_mismatch' };
      codes.delete(code);
      return { ok: true, grant: stored };
    },

    issueToken(request) {
      const defaultTtl = request.kind === 'long' ? LONG_LIVED_TTL_SECONDS : SHORT_LIVED_TTL_SECONDS;
      const issuedAtMs = clock.now() - (request.ageSeconds ?? 0) * 1000;
      const record: TokenRecord = {
        userId: request.userId,
        kind: request.kind,
        issuedAtMs,
        expiresAtMs: issuedAtMs + (request.expiresInSeconds ?? defaultTtl) * 1000,
        permissions: [...request.permissions],
      };
      const token = newAccessToken();
      reportSecret('access_token', token);
      tokens.set(token, record);
      return { token, record };
    },

    lookup(token) {
      const record = tokens.get(token);
      if (!record)
        return isBasicDisplayToken(token) ? { status: 'basic_display' } : { status: 'unknown' };
      if (record.revokedSubcode !== undefined) {
        return { status: 'revoked', subcode: record.revokedSubcode };
      }
      if (clock.now() >= record.expiresAtMs) return { status: 'expired', record };
      return { status: 'valid', record };
    },

    revokeToken(token, subcode) {
      const record = tokens.get(token);
      if (record) record.revokedSubcode = subcode;
    },

    revokeUser(userId, subcode) {
      let revoked = 0;
      for (const record of tokens.values()) {
        if (record.userId === userId && record.revokedSubcode === undefined) {
          record.revokedSubcode = subcode;
          revoked += 1;
        }
      }
      return revoked;
    },

    liveTokenCounts() {
      const counts: Record<string, LiveTokenCount> = {};
      for (const record of tokens.values()) {
        if (record.revokedSubcode !== undefined || clock.now() >= record.expiresAtMs) continue;
        const count = (counts[record.userId] ??= { short: 0, long: 0 });
        count[record.kind] += 1;
      }
      return counts;
    },

    pendingCodeCount() {
      return [...codes.values()].filter(codeIsLive).length;
    },

    clear() {
      codes.clear();
      tokens.clear();
    },
  };
}
