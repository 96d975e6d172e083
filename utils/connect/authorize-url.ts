/** The authorize URL a login opens. */

import type { Flavor } from '@/shared/exchange-contract';

/** What a login needs to build its authorize URL. */
export interface AuthorizeRequest {
  flavor: Flavor;
  /** The login page itself (see `authorizeEndpoint`). */
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  codeChallenge: string;
}

/**
 * The authorize URL: the configured endpoint plus exactly the OAuth parameters.
 * - `force_reauth=true` makes Instagram offer its account chooser: the login window keeps
 *   Instagram's session, and without it a second login only offers "Continue as" the first
 *   account (docs/instagram-contract.md §1.7). Meta's own embed URL sends it too.
 * - PKCE (S256) is sent although Instagram's support for it is unconfirmed (§10.1): it costs
 *   nothing, and the proxy forwards the verifier.
 * - Facebook's dialog takes the same parameters but `force_reauth`; it shows its own
 *   "Continue as" with a way to switch users.
 */
export function buildAuthorizeUrl(request: AuthorizeRequest): string {
  const url = new URL(request.authorizeUrl);
  const params = new URLSearchParams({
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    response_type: 'code',
    scope: request.scopes.join(','),
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  });
  if (request.flavor === 'instagram') params.set('force_reauth', 'true');
  url.search = params.toString();
  return url.toString();
}
