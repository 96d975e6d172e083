/** Small helpers to call the proxy app in-process and read its answers through the contract. */
import {
  EXCHANGE_PATH,
  ProxyErrorBodySchema,
  type ProxyErrorBody,
} from '../../shared/exchange-contract';
import type { ProxyApp } from '../../proxy/app';
import { TEST_REDIRECT_URI } from './proxy-test-config';

/** A valid exchange request body for the test app. */
export function exchangeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { code: 'AQBx-test_code.123#_', redirect_uri: TEST_REDIRECT_URI, ...overrides };
}

/** POSTs `body` (JSON-encoded unless already a string) to the exchange endpoint. */
export function postExchange(
  app: ProxyApp,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(EXCHANGE_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

/** Parses an error answer with the shared schema, failing the test if it is not one. */
export async function readError(response: Response): Promise<ProxyErrorBody['error']> {
  return ProxyErrorBodySchema.parse(await response.json()).error;
}
