/** The last check before an exchange answers: the reply must satisfy the shared contract. */
import {
  ExchangeResponseSchema,
  type ExchangeResponse,
  type Flavor,
} from '../shared/exchange-contract';
import { ProxyError } from './errors';
import { hostName } from './upstream-reply';

/**
 * Returns `candidate` as a contract-valid exchange reply.
 * @throws {ProxyError} `upstream_bad_response` when the upstream's figures do not fit the contract
 *   (a token type other than bearer, an expiry that is not positive, a user id that is not digits).
 */
export function toExchangeResponse(candidate: unknown, flavor: Flavor): ExchangeResponse {
  const result = ExchangeResponseSchema.safeParse(candidate);
  if (result.success) return result.data;
  throw new ProxyError(
    'upstream_bad_response',
    `${hostName({ flavor })} returned a token reply the extension cannot use (token_type is not bearer, expires_in is not positive, or the user id is not numeric). Try again later.`,
    { cause: result.error },
  );
}
