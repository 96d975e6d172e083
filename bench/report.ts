/** Compact text tables of the bench results, one section per measurement. */
import { formatSection } from '../scripts/format-table';
import type { CliRoundTrip } from './cli-round-trip';
import type { PopupOpen } from './popup-open';
import type { ProxyOverhead } from './proxy-overhead';
import type { TimingSummary } from './stats';
import type { VaultCrypto } from './vault-crypto';

/** Milliseconds with enough decimals to tell sub-millisecond figures apart. */
export function formatMs(ms: number): string {
  const digits = Math.abs(ms) < 1 ? 3 : Math.abs(ms) < 100 ? 2 : 1;
  return `${ms.toFixed(digits)} ms`;
}

function timingRow(label: string, timing: TimingSummary): string[] {
  return [label, formatMs(timing.medianMs), formatMs(timing.p95Ms)];
}

function differenceRow(label: string, ms: number, note = ''): string[] {
  return [label, `${ms >= 0 ? '+' : ''}${formatMs(ms)}`, note];
}

/** Direct and proxied exchange times and the proxy's share. */
export function proxySection(result: ProxyOverhead): string {
  return formatSection(
    `Code exchange, ${result.direct.runs} runs each`,
    ['median', 'p95'],
    [
      timingRow('reference: 2 calls straight to the sandbox', result.direct),
      timingRow('through the proxy (POST /v1/exchange)', result.proxied),
      differenceRow('proxy overhead (median)', result.overheadMs, `×${result.ratio.toFixed(2)}`),
    ],
  );
}

/** Envelope against bare AES-GCM, and the passphrase unlock. */
export function vaultSection(result: VaultCrypto): string {
  return formatSection(
    'Vault crypto in Node WebCrypto',
    ['median', 'p95'],
    [
      timingRow(`seal+open a 180-char token (${result.sealOpen.runs} runs)`, result.sealOpen),
      timingRow('reference: bare AES-GCM encrypt+decrypt', result.bareAesGcm),
      differenceRow('envelope overhead (median)', result.overheadMs),
      timingRow(`PBKDF2-600k unlock (${result.pbkdf2Unlock.runs} runs)`, result.pbkdf2Unlock),
    ],
  );
}

/** Popup against the static reference page. */
export function popupSection(result: PopupOpen): string {
  return formatSection(
    `Page open to first visible h1 in Chromium, ${result.popup.runs} runs each`,
    ['median', 'p95'],
    [
      timingRow('popup.html', result.popup),
      timingRow('reference: static <h1> page on 127.0.0.1', result.reference),
      differenceRow('popup cost (median)', result.differenceMs),
    ],
  );
}

/** `igtt token` against a bare Node start. */
export function cliSection(result: CliRoundTrip): string {
  return formatSection(
    `igtt token round trip with the browser running, ${result.token.runs} runs each`,
    ['median', 'p95'],
    [
      timingRow('igtt token (process, socket, host, native port, vault)', result.token),
      timingRow("reference: node -e ''", result.reference),
      differenceRow('bridge cost (median)', result.differenceMs),
    ],
  );
}
