/**
 * The one message protocol between pages (popup, options) and the background. Requests are
 * zod-validated in the background before anything runs; replies are `{ok:true,data}` or
 * `{ok:false,error}`.
 */
import * as z from 'zod/mini';
import type { AppState } from './app-state';
import type { ErrorPayload } from './errors';
import type { VaultStatus } from './vault/vault';

const Passphrase = z.string().check(z.maxLength(1024));

/** Every request a page may send. */
export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('getState') }),
  z.object({ type: z.literal('unlock'), passphrase: Passphrase }),
  z.object({ type: z.literal('lock') }),
  z.object({ type: z.literal('enablePassphrase'), passphrase: Passphrase }),
  z.object({ type: z.literal('changePassphrase'), current: Passphrase, next: Passphrase }),
  z.object({ type: z.literal('removePassphrase'), current: Passphrase }),
  z.object({
    type: z.literal('setAutoLock'),
    minutes: z.number().check(z.int(), z.gte(1), z.lte(24 * 60)),
  }),
  z.object({ type: z.literal('resetVault') }),
]);
/** A validated request. */
export type Request = z.infer<typeof RequestSchema>;
/** The name of a request. */
export type RequestType = Request['type'];

/** The data each request answers with. */
export interface ResponseMap {
  getState: AppState;
  unlock: VaultStatus;
  lock: VaultStatus;
  enablePassphrase: VaultStatus;
  changePassphrase: VaultStatus;
  removePassphrase: VaultStatus;
  setAutoLock: VaultStatus;
  resetVault: VaultStatus;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };
