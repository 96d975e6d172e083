/** Turns a presented token into its record or into the Graph error Instagram would send. */
import {
  basicDisplayTokenError,
  expiredTokenError,
  invalidTokenError,
  revokedTokenError,
  type GraphFailure,
} from './graph-errors';
import type { SandboxState } from './sandbox-state';
import type { TokenRecord } from './token-store';

/** A usable token, or the failure to answer with. */
export type TokenCheck = { ok: true; record: TokenRecord } | { ok: false; failure: GraphFailure };

/** Checks a token against the store and the sandbox clock. */
export function checkToken(state: SandboxState, token: string): TokenCheck {
  const lookup = state.tokens.lookup(token);
  switch (lookup.status) {
    case 'valid':
      return { ok: true, record: lookup.record };
    case 'unknown':
      return { ok: false, failure: invalidTokenError(state.config.invalidTokenStatus) };
    case 'basic_display':
      return { ok: false, failure: basicDisplayTokenError() };
    case 'expired':
      return {
        ok: false,
        failure: expiredTokenError(lookup.record.expiresAtMs, state.clock.now()),
      };
    case 'revoked':
      return { ok: false, failure: revokedTokenError(lookup.subcode, state.app.clientId) };
  }
}
