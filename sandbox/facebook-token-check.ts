/** Turns a presented Facebook token into its record, or into the Graph error Facebook would send. */
import type { FacebookTokenRecord } from './facebook-token-store';
import {
  expiredTokenError,
  invalidTokenError,
  revokedTokenError,
  type GraphFailure,
} from './graph-errors';
import type { SandboxState } from './sandbox-state';

/** A usable Facebook token, or the failure to answer with. */
export type FacebookTokenCheck =
  { ok: true; record: FacebookTokenRecord } | { ok: false; failure: GraphFailure };

/**
 * Checks a token against the Facebook store and the sandbox clock: unknown tokens (Instagram's
 * `IGAA…` included) cannot be parsed, expired ones get 190/463, revoked ones their subcode.
 */
export function checkFacebookToken(state: SandboxState, token: string): FacebookTokenCheck {
  const lookup = state.facebook.tokens.lookup(token);
  switch (lookup.status) {
    case 'valid':
      return { ok: true, record: lookup.record };
    case 'unknown':
      return { ok: false, failure: invalidTokenError(400) };
    case 'expired':
      return {
        ok: false,
        failure: expiredTokenError(lookup.record.expiresAtMs ?? 0, state.clock.now()),
      };
    case 'revoked':
      return {
        ok: false,
        failure: revokedTokenError(lookup.subcode, state.facebook.app.appId),
      };
  }
}
