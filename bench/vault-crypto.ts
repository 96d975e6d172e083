/**
 * The vault's crypto in Node's WebCrypto. Sealing and opening a token is compared with a bare
 * AES-GCM encrypt and decrypt of the same bytes under the same key, so the figure shows what the
 * envelope (authenticated data, base64, schema check) adds. The passphrase unlock runs PBKDF2 with
 * 600,000 iterations and is slow on purpose; its median is reported as is.
 */
import { unwrapKeyBytes, wrapKeyBytes } from '../utils/vault/passphrase-wrap';
import { openToken, sealToken } from '../utils/vault/token-envelope';
import type { VaultNode } from './results-schema';
import { summarise, timed, timePair } from './stats';

/** Unmeasured seal+open rounds first, so that JIT warm-up is not counted. */
const WARM_UP_ITERATIONS = 200;
const TOKEN_LENGTH = 180;
const SLOT = 'bench-account';
const PASSPHRASE = 'correct horse battery staple';

/** A token shaped like Instagram's: `IGAA` and random letters and digits. */
function fakeToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const random = crypto.getRandomValues(new Uint8Array(TOKEN_LENGTH - 4));
  return `IGAA${Array.from(random, (byte) => alphabet[byte % alphabet.length]).join('')}`;
}

/**
 * Times `sealIterations` seal+open round trips against bare AES-GCM, and `unlockIterations`
 * passphrase unlocks; throws if a round trip does not give the token back.
 */
export async function measureVaultCrypto(
  sealIterations: number,
  unlockIterations: number,
): Promise<VaultNode> {
  const keyBytes = crypto.getRandomValues(new Uint8Array(32));
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ]);
  const token = fakeToken();
  const tokenBytes = new TextEncoder().encode(token);

  const sealOpen = async () => {
    const opened = await openToken(key, SLOT, await sealToken(key, SLOT, token));
    if (opened !== token) throw new Error('Seal and open did not round-trip the token.');
  };
  const bare = async () => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, tokenBytes);
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed);
  };
  const sealOpenSamples: number[] = [];
  const bareSamples: number[] = [];
  for (let round = 0; round < WARM_UP_ITERATIONS + sealIterations; round += 1) {
    const [sealOpenMs, bareMs] = await timePair(round, sealOpen, bare);
    if (round < WARM_UP_ITERATIONS) continue;
    sealOpenSamples.push(sealOpenMs);
    bareSamples.push(bareMs);
  }

  const wrapped = await wrapKeyBytes(keyBytes, PASSPHRASE);
  const unlockSamples: number[] = [];
  for (let round = 0; round < unlockIterations; round += 1) {
    unlockSamples.push(
      await timed(async () => {
        const unwrapped = await unwrapKeyBytes(wrapped, PASSPHRASE);
        if (unwrapped?.length !== keyBytes.length) throw new Error('Unlock failed.');
      }),
    );
  }

  const sealOpenSummary = summarise(sealOpenSamples);
  const bareSummary = summarise(bareSamples);
  return {
    sealOpen: sealOpenSummary,
    bareAesGcm: bareSummary,
    overheadMs: sealOpenSummary.medianMs - bareSummary.medianMs,
    pbkdf2Unlock: summarise(unlockSamples),
  };
}
