/**
 * Wrapping of the data key under a passphrase: PBKDF2-SHA256 (600,000 iterations, OWASP's 2023
 * figure and Bitwarden's default) derives a key-encryption key that seals the raw data key with
 * AES-GCM. A wrong passphrase fails the GCM tag check, so it is told apart from a right one
 * without storing any verifier.
 */
import * as z from 'zod/mini';
import { base64ToBytes, bytesToBase64 } from '@/utils/vault/base64';
import { AppError, VaultCorruptError } from '@/utils/errors';

/** PBKDF2 iterations for new wraps; stored records may only carry more, never fewer. */
export const PBKDF2_ITERATIONS = 600_000;

/** Shortest passphrase accepted. */
export const MIN_PASSPHRASE_LENGTH = 8;

const WRAP_AAD = new TextEncoder().encode('igtt/data-key/v1');

/** The stored passphrase wrap of the data key. */
export const WrappedKeySchema = z.object({
  v: z.literal(1),
  iterations: z.number().check(z.int(), z.gte(PBKDF2_ITERATIONS)),
  salt: z.string().check(z.minLength(16)),
  iv: z.string().check(z.length(16)),
  wrapped: z.string().check(z.minLength(1)),
});
/** A passphrase-wrapped data key. */
export type WrappedKey = z.infer<typeof WrappedKeySchema>;

async function deriveWrappingKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Refuses passphrases too short to resist guessing. */
export function assertPassphraseStrength(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new AppError('weak_passphrase');
}

/** Seals raw key bytes under a passphrase, with a fresh salt and IV. */
export async function wrapKeyBytes(
  keyBytes: Uint8Array<ArrayBuffer>,
  passphrase: string,
): Promise<WrappedKey> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrappingKey = await deriveWrappingKey(passphrase, salt, PBKDF2_ITERATIONS);
  const wrapped = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: WRAP_AAD },
    wrappingKey,
    keyBytes,
  );
  return {
    v: 1,
    iterations: PBKDF2_ITERATIONS,
    salt: bytesToBase64(salt),
    iv: bytesToBase64(iv),
    wrapped: bytesToBase64(new Uint8Array(wrapped)),
  };
}

/**
 * Opens a wrap with a passphrase. Returns undefined for a wrong passphrase; a record that cannot
 * even be read is a VaultCorruptError.
 */
export async function unwrapKeyBytes(
  record: WrappedKey,
  passphrase: string,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  let salt: Uint8Array<ArrayBuffer>;
  let iv: Uint8Array<ArrayBuffer>;
  let wrapped: Uint8Array<ArrayBuffer>;
  try {
    salt = base64ToBytes(record.salt);
    iv = base64ToBytes(record.iv);
    wrapped = base64ToBytes(record.wrapped);
  } catch (cause) {
    throw new VaultCorruptError({ cause });
  }
  const wrappingKey = await deriveWrappingKey(passphrase, salt, record.iterations);
  try {
    const keyBytes = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: WRAP_AAD },
      wrappingKey,
      wrapped,
    );
    return new Uint8Array(keyBytes);
  } catch {
    return undefined;
  }
}

/** Turns raw key bytes into a non-extractable AES-GCM key for use. */
export function importDataKey(keyBytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', keyBytes, { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ]);
}
