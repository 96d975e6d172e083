/** Reads and validates the body of `POST /v1/debug`. */
import { DebugRequestSchema, type DebugRequest } from '../shared/exchange-contract';
import { readJsonBody } from './read-json-body';

/**
 * Returns the validated debug request.
 * @throws {ProxyError} `unsupported_media_type` for a non-JSON content type, `invalid_request` otherwise.
 */
export function readDebugRequest(request: Request): Promise<DebugRequest> {
  return readJsonBody(
    request,
    DebugRequestSchema,
    '{"access_token": string, "client_id"?: string}',
  );
}
