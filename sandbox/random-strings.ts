/** Crypto-random strings shaped like Instagram's tokens, codes and trace ids. */
import { randomBytes } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TRACE_ALPHABET = `${ALPHANUMERIC}_-`;

/** Draws `length` characters uniformly from `alphabet` (rejection sampling avoids modulo bias). */
function randomFrom(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** An Instagram Login access token: `IGAA…ZD`, 184 characters. */
export function newAccessToken(): string {
  return `IGAA${randomFrom(ALPHANUMERIC, 178)}ZD`;
}

/** A Facebook Login token (user or Page): `EAA…`, 200 characters (docs/instagram-contract.md §11). */
export function newFacebookToken(): string {
  return `EAA${randomFrom(ALPHANUMERIC, 197)}`;
}

/** A dead Basic Display token (docs/instagram-contract.md §8): `IGQVJ…`, never stored. */
export function newBasicDisplayToken(): string {
  return `IGQVJ${randomFrom(ALPHANUMERIC, 170)}`;
}

/** The opaque value of a login session cookie. */
export function newSessionId(): string {
  return randomFrom(ALPHANUMERIC, 32);
}

/** An authorization code: `AQ…`, alphanumeric so it never contains `#` or whitespace. */
export function newAuthorizationCode(): string {
  return `AQ${randomFrom(ALPHANUMERIC, 150)}`;
}

/** A Graph `fbtrace_id` such as `A_muLgNXB2rhzyBV_3YbJeo`. */
export function newTraceId(): string {
  return randomFrom(TRACE_ALPHABET, 23);
}
