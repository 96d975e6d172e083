/**
 * PKCE (RFC 7636) as the sandbox enforces it. Instagram documents no PKCE and whether it checks a
 * verifier is unconfirmed (docs/instagram-contract.md §10.1); the sandbox checks it unless
 * `enforcePkce` is off, so that a lost verifier anywhere in the chain shows up in tests.
 */
import { createHash } from 'node:crypto';

/** An S256 challenge: base64url of a SHA-256 digest, 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** Outcome of reading PKCE parameters: none, a valid S256 challenge, or what is wrong. */
export type PkceParams =
  | { ok: true; challenge: string | undefined }
  | { ok: false; problem: 'code_challenge_method' | 'code_challenge' };

/**
 * Reads `code_challenge` and `code_challenge_method`. Only S256 is accepted; a challenge without
 * a method means `plain` (RFC 7636 §4.3), so it is refused as well.
 */
export function readPkceParams(params: Readonly<Record<string, string>>): PkceParams {
  const challenge = params.code_challenge;
  const method = params.code_challenge_method;
  if (challenge === undefined && method === undefined) return { ok: true, challenge: undefined };
  if (method !== 'S256') return { ok: false, problem: 'code_challenge_method' };
  if (challenge === undefined || !S256_CHALLENGE.test(challenge)) {
    return { ok: false, problem: 'code_challenge' };
  }
  return { ok: true, challenge };
}

/** The S256 challenge of a verifier: base64url(SHA-256(verifier)). */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** Whether `verifier` is present and hashes to `challenge`. */
export function verifierMatches(challenge: string, verifier: string | undefined): boolean {
  return verifier !== undefined && s256Challenge(verifier) === challenge;
}
