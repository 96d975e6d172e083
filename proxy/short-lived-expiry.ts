/**
 * How long the short-lived token of a code exchange lives. Instagram documents one hour and sends
 * no `expires_in` (docs/instagram-contract.md §2.2); if a reply ever carries one, it wins.
 */
import * as z from 'zod/mini';
import { SHORT_LIVED_SECONDS } from '../shared/exchange-contract';
import { parseJsonKeepingIds } from '../shared/instagram-responses';

const ExpiresInSchema = z.pipe(
  z.union([z.number(), z.string().check(z.regex(/^\d{1,10}$/))]),
  z.transform((value) => Number(value)),
);
const WithExpirySchema = z.object({ expires_in: ExpiresInSchema });
const ExpirySchema = z.union([
  WithExpirySchema,
  z.pipe(
    z.object({ data: z.tuple([WithExpirySchema], z.unknown()) }),
    z.transform((body) => body.data[0]),
  ),
]);

/** The `expires_in` of a code-exchange reply (flat or wrapped) if positive, else 3600. */
export function readShortLivedExpiry(replyText: string): number {
  let body: unknown;
  try {
    body = parseJsonKeepingIds(replyText);
  } catch {
    return SHORT_LIVED_SECONDS;
  }
  const parsed = ExpirySchema.safeParse(body);
  if (!parsed.success) return SHORT_LIVED_SECONDS;
  const seconds = parsed.data.expires_in;
  return Number.isSafeInteger(seconds) && seconds > 0 ? seconds : SHORT_LIVED_SECONDS;
}
