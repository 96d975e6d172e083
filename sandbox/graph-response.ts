/** Sending Graph errors from a Hono handler. */
import type { Context } from 'hono';
import { graphErrorBody, type GraphFailure } from './graph-errors';

/**
 * Sends the Graph envelope with the failure's status. Token errors (190) also carry the
 * `WWW-Authenticate` header Facebook sends with them.
 */
export function sendGraphFailure(c: Context, failure: GraphFailure) {
  if (failure.fields.code === 190) {
    c.header(
      'WWW-Authenticate',
      `OAuth "Facebook Platform" "invalid_token" "${failure.fields.message}"`,
    );
  }
  return c.json(graphErrorBody(failure.fields), failure.status);
}
