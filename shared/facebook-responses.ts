/**
 * Schemas for what Facebook's Graph API sends back on the Facebook Login path
 * (docs/instagram-contract.md §9): the token replies of `oauth/access_token`, the `debug_token`
 * envelope, `/me` and `/me/accounts`. Parse the text with `parseJsonKeepingIds` first, so that
 * bare integer ids arrive as strings; nothing here is cast.
 */
import * as z from 'zod/mini';
import { DebugTokenSchema } from './exchange-contract';
import { TokenTypeSchema } from './instagram-responses';

/** A number of seconds that may arrive as a JSON number or a numeric string. */
const SecondsSchema = z.pipe(
  z.union([z.number(), z.string().check(z.regex(/^\d{1,12}$/))]),
  z.transform((value) => Number(value)),
);

/**
 * Reply of `oauth/access_token`, for the code and for `fb_exchange_token` alike:
 * `{access_token, token_type, expires_in}`. `expires_in` may be missing and `token_type` too.
 */
export const FacebookTokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: TokenTypeSchema,
  expires_in: z.optional(SecondsSchema),
});
/** A Facebook token reply. */
export type FacebookTokenResponse = z.infer<typeof FacebookTokenResponseSchema>;

/** An id Facebook sends as a string, or (in its own samples) as a number. */
const LooseIdSchema = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((value) => String(value)),
);

/**
 * Reply of `GET /debug_token`: `{data:{…}}`, normalised to the proxy's {@link DebugTokenSchema}
 * (`app_id` and ids as strings, `scopes` present) with every other field kept.
 */
export const DebugTokenEnvelopeSchema = z.pipe(
  z.pipe(
    z.object({
      data: z.looseObject({
        app_id: z.optional(LooseIdSchema),
        user_id: z.optional(LooseIdSchema),
        profile_id: z.optional(LooseIdSchema),
        scopes: z._default(z.array(z.string()), []),
        granular_scopes: z.optional(
          z.array(
            z.looseObject({ scope: z.string(), target_ids: z.optional(z.array(LooseIdSchema)) }),
          ),
        ),
      }),
    }),
    z.transform((body) => ({ ...body.data, app_id: body.data.app_id ?? '' })),
  ),
  DebugTokenSchema,
);

/** Reply of `GET /me?fields=id,name` with a user token. */
export const FacebookMeSchema = z.looseObject({
  id: z.string().check(z.regex(/^\d+$/)),
  name: z.optional(z.string()),
});
/** The Facebook user behind a token. */
export type FacebookMe = z.infer<typeof FacebookMeSchema>;
