/**
 * Schemas for what Instagram sends back, shared by the proxy (code and long-lived exchange) and
 * the extension (refresh, /me). Every upstream body is parsed here; nothing is cast.
 */
import * as z from 'zod/mini';

/** Keys whose values Instagram may send as integers above 2^53. */
const ID_KEYS = ['user_id', 'id', 'app_id', 'ig_id'];
const BARE_BIG_ID = new RegExp(`("(?:${ID_KEYS.join('|')})"\\s*:\\s*)(-?\\d+)(?=\\s*[,}\\]])`, 'g');

/**
 * Parses JSON like `JSON.parse`, but turns bare integer ids into strings first, because
 * `JSON.parse` silently rounds `27640875392278831` to `27640875392278830`.
 */
export function parseJsonKeepingIds(text: string): unknown {
  return JSON.parse(text.replace(BARE_BIG_ID, '$1"$2"'));
}

/** Graph API error envelope: `{error:{message,type,code,error_subcode,fbtrace_id}}`. */
export const GraphErrorEnvelopeSchema = z.object({
  error: z.object({
    message: z.optional(z.string()),
    type: z.optional(z.string()),
    code: z.optional(z.number()),
    error_subcode: z.optional(z.number()),
    error_user_title: z.optional(z.string()),
    error_user_msg: z.optional(z.string()),
    fbtrace_id: z.optional(z.string()),
  }),
});
/** A Graph API error envelope. */
export type GraphErrorEnvelope = z.infer<typeof GraphErrorEnvelopeSchema>;

/** The flat error body of `POST /oauth/access_token`: `{error_type, code, error_message}`. */
export const OAuthFlatErrorSchema = z.object({
  error_type: z.string(),
  code: z.number(),
  error_message: z.string(),
});
/** A flat OAuth error body. */
export type OAuthFlatError = z.infer<typeof OAuthFlatErrorSchema>;

const IdSchema = z.string().check(z.regex(/^\d+$/));
const PermissionsSchema = z.union([
  z.array(z.string()),
  z.pipe(
    z.string(),
    z.transform((value) => value.split(',').filter((scope) => scope.length > 0)),
  ),
]);
const ShortLivedTokenSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  user_id: IdSchema,
  permissions: z._default(PermissionsSchema, []),
});

/**
 * `{data: [item, …]}` unwrapped to its first item, refusing an empty list. (An array check and a
 * transform, not `z.tuple`, which would cost the background half a kilobyte.)
 */
export function firstOfData<T extends z.ZodMiniType>(item: T) {
  return z.pipe(
    z.object({ data: z.array(item) }),
    z.transform((body, context): z.output<T> => {
      const [first] = body.data;
      if (first !== undefined) return first;
      context.issues.push({ code: 'custom', message: 'data is an empty list', input: body });
      return z.NEVER;
    }),
  );
}

/**
 * Reply of `POST /oauth/access_token` in any of its three shapes (documented `{data:[…]}`, flat
 * with an array, legacy without permissions), normalised to one flat object. Parse the text with
 * {@link parseJsonKeepingIds} first.
 */
export const CodeExchangeResponseSchema = z.union([
  firstOfData(ShortLivedTokenSchema),
  ShortLivedTokenSchema,
]);
/** A normalised short-lived token reply. */
export type CodeExchangeResponse = z.infer<typeof CodeExchangeResponseSchema>;

/** `token_type`, lower-cased; Meta's replies sometimes leave it out, and it is always bearer. */
export const TokenTypeSchema = z._default(
  z.pipe(
    z.string(),
    z.transform((value) => value.toLowerCase()),
  ),
  'bearer',
);

/**
 * Reply of `GET /access_token` (ig_exchange_token) and `GET /refresh_access_token`. `token_type`
 * may be missing and `expires_in` may arrive as a string, so both are normalised.
 */
export const LongLivedTokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: TokenTypeSchema,
  expires_in: z.pipe(
    z.union([z.number(), z.string().check(z.regex(/^\d+$/))]),
    z.transform((value) => Number(value)),
  ),
});
/** A normalised long-lived token reply. */
export type LongLivedTokenResponse = z.infer<typeof LongLivedTokenResponseSchema>;
