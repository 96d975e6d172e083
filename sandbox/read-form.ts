/** Reading urlencoded or multipart form bodies as plain string fields. */
import type { Context } from 'hono';

/** The string fields of a form body; files are dropped and an unreadable body reads as empty. */
export async function readFormFields(c: Context): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  const body = await c.req.parseBody().catch(() => ({}));
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}
