/** The switchable behaviours of the sandbox, mostly the parts of Instagram that are unconfirmed. */
import * as z from 'zod/mini';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_REDIRECT_URIS } from './defaults';

/** Every endpoint the call counters and fault injection know about. */
export const INSTAGRAM_ENDPOINTS = [
  'oauth/authorize',
  'oauth/access_token',
  'access_token',
  'refresh_access_token',
  'me',
] as const;
/** One counted Instagram endpoint. */
export type InstagramEndpoint = (typeof INSTAGRAM_ENDPOINTS)[number];

/**
 * The Facebook endpoints, under `/facebook/` (docs/instagram-contract.md §9). The code exchange and
 * `fb_exchange_token` share a path but are counted and broken apart, so that a test can fail the
 * long-lived step alone; `facebook/page` is `GET /{page-id}`.
 */
export const FACEBOOK_ENDPOINTS = [
  'facebook/dialog/oauth',
  'facebook/oauth/access_token',
  'facebook/fb_exchange_token',
  'facebook/debug_token',
  'facebook/me',
  'facebook/me/accounts',
  'facebook/page',
] as const;
/** One counted Facebook endpoint. */
export type FacebookEndpoint = (typeof FACEBOOK_ENDPOINTS)[number];

/** Every counted endpoint of the sandbox. */
export type SandboxEndpoint = InstagramEndpoint | FacebookEndpoint;

/** Endpoints that `POST /__control/fail` can break; the login pages are never broken. */
export const FAULTABLE_ENDPOINTS = [
  'oauth/access_token',
  'access_token',
  'refresh_access_token',
  'me',
  'facebook/oauth/access_token',
  'facebook/fb_exchange_token',
  'facebook/debug_token',
  'facebook/me',
  'facebook/me/accounts',
  'facebook/page',
] as const;
/** One endpoint fault injection applies to. */
export type FaultableEndpoint = (typeof FAULTABLE_ENDPOINTS)[number];

/**
 * Forms of `X-App-Usage`: graph.instagram.com's `{call_volume,cpu_time}` or graph.facebook.com's
 * `{call_count,total_time,total_cputime}` (docs/instagram-contract.md §7.2).
 */
export const APP_USAGE_FORMS = ['instagram', 'facebook'] as const;

/**
 * What `/me` puts in `user_id`: the account id, a non-numeric id, or nothing at all (the last two
 * are malformed replies the extension must refuse, docs/instagram-contract.md §5.3).
 */
export const ME_USER_ID_FORMS = ['account', 'non_numeric', 'absent'] as const;

/** Runtime-changeable settings, as accepted by `POST /__control/config`. */
export const SandboxConfigSchema = z.object({
  codeExchangeShape: z.enum(['flat', 'wrapped', 'legacy']),
  omitTokenType: z.boolean(),
  refreshTooEarly: z.enum(['error', 'echo']),
  revokeOldOnRefresh: z.boolean(),
  invalidTokenStatus: z.union([z.literal(400), z.literal(401)]),
  meWrapped: z.boolean(),
  meUserId: z.enum(ME_USER_ID_FORMS),
  appUsagePercent: z.number().check(z.nonnegative(), z.maximum(1000)),
  appUsageForm: z.enum(APP_USAGE_FORMS),
  redirectUris: z.array(z.url()).check(z.minLength(1)),
  pendingTesterUserIds: z.array(z.string().check(z.regex(/^\d+$/))),
  enforcePkce: z.boolean(),
});
/** The whole runtime configuration. */
export type SandboxConfig = z.infer<typeof SandboxConfigSchema>;

/** Body of `POST /__control/config`: any subset of the settings, nothing else. */
export const SandboxConfigPatchSchema = z.strictObject({
  codeExchangeShape: z.optional(SandboxConfigSchema.shape.codeExchangeShape),
  omitTokenType: z.optional(z.boolean()),
  refreshTooEarly: z.optional(SandboxConfigSchema.shape.refreshTooEarly),
  revokeOldOnRefresh: z.optional(z.boolean()),
  invalidTokenStatus: z.optional(SandboxConfigSchema.shape.invalidTokenStatus),
  meWrapped: z.optional(z.boolean()),
  meUserId: z.optional(SandboxConfigSchema.shape.meUserId),
  appUsagePercent: z.optional(SandboxConfigSchema.shape.appUsagePercent),
  appUsageForm: z.optional(SandboxConfigSchema.shape.appUsageForm),
  redirectUris: z.optional(SandboxConfigSchema.shape.redirectUris),
  pendingTesterUserIds: z.optional(SandboxConfigSchema.shape.pendingTesterUserIds),
  enforcePkce: z.optional(z.boolean()),
});
/** A partial configuration update. */
export type SandboxConfigPatch = z.infer<typeof SandboxConfigPatchSchema>;

/** Options of `createSandbox`: the app identities are fixed for the life of a sandbox. */
export interface SandboxOptions {
  clientId?: string;
  clientSecret?: string;
  /** The Facebook Login app's id and secret (default `SANDBOX_FB_APP_ID`, `…_SECRET`). */
  fbAppId?: string;
  fbAppSecret?: string;
  /** Redirect URIs restored by every reset. */
  redirectUris?: readonly string[];
  /** Real time source in ms; the sandbox clock adds its offset to it. */
  realNow?: () => number;
}

/** The defaults a reset returns to. */
export function defaultConfig(
  redirectUris: readonly string[] = SANDBOX_REDIRECT_URIS,
): SandboxConfig {
  return {
    codeExchangeShape: 'flat',
    omitTokenType: false,
    refreshTooEarly: 'error',
    revokeOldOnRefresh: false,
    invalidTokenStatus: 400,
    meWrapped: false,
    meUserId: 'account',
    appUsagePercent: 3,
    appUsageForm: 'instagram',
    redirectUris: [...redirectUris],
    pendingTesterUserIds: [],
    // Instagram's PKCE support is unconfirmed (docs/instagram-contract.md §10.1); enforcing it by
    // default proves the extension and the proxy carry the verifier all the way through.
    enforcePkce: true,
  };
}

/** The app identity a sandbox checks requests against. */
export interface SandboxApp {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Resolves the app identity from the options. */
export function sandboxAppFrom(options: SandboxOptions): SandboxApp {
  return {
    clientId: options.clientId ?? SANDBOX_CLIENT_ID,
    clientSecret: options.clientSecret ?? SANDBOX_CLIENT_SECRET,
  };
}
