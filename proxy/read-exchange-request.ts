/** Reads and validates the body of `POST /v1/exchange`. */
import { ExchangeRequestSchema, type ExchangeRequest } from '../shared/exchange-contract';
import { readJsonBody } from './read-json-body';

/**
 * Returns the validated exchange request.
 * @throws {ProxyError} `unsupported_media_type` for a non-JSON content type, `invalid_request` otherwise.
 */
export function readExchangeRequest(request: Request): Promise<ExchangeRequest> {
  return readJsonBody(
    request,
    ExchangeRequestSchema,
    '{"code": string, "redirect_uri": string, "client_id"?: string, "code_verifier"?: string}',
  );
}
