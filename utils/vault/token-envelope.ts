/**
 * AES-GCM-256 sealing of one token for one slot. The additional authenticated data names the
 * format version and the slot, so a ciphertext copied into another account's slot, or replayed
 * under another format, fails to decrypt instead of yielding the wrong token.
 */
import * as z from 'zod/mini';
import { base64ToBytes, bytesToBase64 } from '@/utils/vault/base64';
import { VaultCorruptError } from '@/utils/errors';

/** Version of the envelope format; part of the authenticated data. */
export const ENVELOPE_VERSION = 1;

/** 96-bit IVs, as NIST SP 800-38D recommends for GCM. */
const IV_BYTES = 12;

const Base64Schema = z.string().check(z.regex(/^[A-Za-z0-9+/]+={0,2}$/));

/** A sealed token as stored: `{v, iv, ct}`, all base64. */
export const TokenEnvelopeSchema = z.object({
  v: z.literal(ENVELOPE_VERSION),
  iv: Base64Schema.check(z.length(16)),
  ct: Base64Schema,
});
/** A sealed token. */
export type TokenEnvelope = z.infer<typeof TokenEnvelopeSchema>;

function additionalData(slot: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`igtt/token/v${ENVELOPE_VERSION}/${slot}`);
}

/** Encrypts `token` for `slot` with a fresh random IV. */
export async function sealToken(
  key: CryptoKey,
  slot: string,
  token: string,
): Promise<TokenEnvelope> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(slot) },
    key,
    new TextEncoder().encode(token),
  );
  return {
    v: ENVELOPE_VERSION,
    iv: bytesToBase64(iv),
    ct: bytesToBase64(new Uint8Array(ciphertext)),
  };
}

/** Decrypts an envelope for `slot`; any tampering, wrong slot or wrong key is a VaultCorruptError. */
export async function openToken(key: CryptoKey, slot: string, envelope: unknown): Promise<string> {
  const parsed = TokenEnvelopeSchema.safeParse(envelope);
  if (!parsed.success) throw new VaultCorruptError({ cause: parsed.error });
  try {
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64ToBytes(parsed.data.iv), additionalData: additionalData(slot) },
      key,
      base64ToBytes(parsed.data.ct),
    );
    return new TextDecoder().decode(plaintext);
  } catch (cause) {
    throw new VaultCorruptError({ cause });
  }
}
