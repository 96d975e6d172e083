/** Where Graph reads the access token from: the query string or an `Authorization: Bearer` header. */
import type { Context } from 'hono';

/** The token of a request, or undefined when there is none. The query parameter wins. */
export function requestToken(c: Context): string | undefined {
  const fromQuery = c.req.query('access_token');
  if (fromQuery !== undefined && fromQuery !== '') return fromQuery;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
  return match?.[1];
}
