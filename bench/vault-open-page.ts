/**
 * Browser entry of the vault benchmark, bundled by esbuild into a loopback page: the extension's
 * own envelope code (`sealToken`, `openToken`) under a non-extractable AES-GCM key made once, and
 * bare `crypto.subtle.decrypt` calls on the same bytes for reference. Tokens are opened one after
 * another, as the vault's `readTokenPreviews` does.
 */
import { base64ToBytes } from '../utils/vault/base64';
import { ENVELOPE_VERSION, openToken, sealToken } from '../utils/vault/token-envelope';

interface Sealed {
  readonly slot: string;
  readonly token: string;
  /** The envelope as storage hands it back: parsed JSON, not the object that was sealed. */
  readonly stored: unknown;
  /** The same envelope's bytes, decoded beforehand for the bare reference. */
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly ciphertext: Uint8Array<ArrayBuffer>;
  readonly additionalData: Uint8Array<ArrayBuffer>;
}

let key: CryptoKey | undefined;
let sealed: Sealed[] = [];

function randomToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(178));
  return `IGAA${Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('')}ZD`;
}

async function prepare(count: number): Promise<void> {
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  sealed = [];
  for (let index = 0; index < count; index += 1) {
    const slot = `1784140${String(index + 1).padStart(10, '0')}`;
    const token = randomToken();
    const envelope = await sealToken(key, slot, token);
    sealed.push({
      slot,
      token,
      stored: JSON.parse(JSON.stringify(envelope)),
      iv: base64ToBytes(envelope.iv),
      ciphertext: base64ToBytes(envelope.ct),
      additionalData: new TextEncoder().encode(`igtt/token/v${ENVELOPE_VERSION}/${slot}`),
    });
  }
}

function usableKey(): CryptoKey {
  if (!key) throw new Error('Call prepare() first.');
  return key;
}

async function openAll(): Promise<number> {
  const current = usableKey();
  const started = performance.now();
  const opened: string[] = [];
  for (const item of sealed) opened.push(await openToken(current, item.slot, item.stored));
  const ms = performance.now() - started;
  if (opened.some((token, index) => token !== sealed[index]?.token)) {
    throw new Error('openToken did not give the sealed tokens back.');
  }
  return ms;
}

async function decryptAll(): Promise<number> {
  const current = usableKey();
  const started = performance.now();
  for (const item of sealed) {
    await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: item.iv, additionalData: item.additionalData },
      current,
      item.ciphertext,
    );
  }
  return performance.now() - started;
}

window.igttVaultBench = { prepare, openAll, decryptAll };
