/**
 * The reply of `/me/accounts` (docs/instagram-contract.md §9.5): the user's Pages, each with its
 * Page token and its linked Instagram account. The extension reads it; the sandbox writes it. A
 * file of its own, so that the extension bundles none of the proxy's token schemas.
 */
import * as z from 'zod/mini';

/** The Instagram professional account linked to a Page (docs/instagram-contract.md §9.5). */
export const InstagramBusinessAccountSchema = z.looseObject({
  id: z.string().check(z.regex(/^\d+$/)),
  username: z.optional(z.string()),
  profile_picture_url: z.optional(z.string()),
});

/** One Page of `/me/accounts`, with its Page token and, when linked, its Instagram account. */
export const FacebookPageSchema = z.looseObject({
  id: z.string().check(z.regex(/^\d+$/)),
  name: z.optional(z.string()),
  access_token: z.optional(z.string()),
  instagram_business_account: z.optional(InstagramBusinessAccountSchema),
});
/** One of the user's Pages. */
export type FacebookPage = z.infer<typeof FacebookPageSchema>;

/** Reply of `GET /me/accounts`: `{data:[…], paging?}`. */
export const FacebookPagesResponseSchema = z.looseObject({
  data: z.array(FacebookPageSchema),
  paging: z.optional(
    z.looseObject({
      cursors: z.optional(
        z.looseObject({ before: z.optional(z.string()), after: z.optional(z.string()) }),
      ),
      next: z.optional(z.string()),
    }),
  ),
});
/** A page of the user's Pages. */
export type FacebookPagesResponse = z.infer<typeof FacebookPagesResponseSchema>;
