/** Reads and validates the body of `POST /v1/setup-check`. */
import { SetupCheckRequestSchema, type SetupCheckRequest } from '../shared/exchange-contract';
import { readJsonBody } from './read-json-body';

/**
 * Returns the validated setup check request.
 * @throws {ProxyError} `unsupported_media_type` for a non-JSON content type, `invalid_request` otherwise.
 */
export function readSetupCheckRequest(request: Request): Promise<SetupCheckRequest> {
  return readJsonBody(
    request,
    SetupCheckRequestSchema,
    '{"client_id": string, "redirect_uri": string}',
  );
}
