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

/** Endpoints that `POST /__control/fail` can break; the authorize page is never broken. */
export const FAULTABLE_ENDPOINTS = [
  'oauth/access_token',
  'access_token',
  'refresh_access_token',
  'me',
] as const;
/** One endpoint fault injection applies to. */
export type FaultableEndpoint = (typeof FAULTABLE_ENDPOINTS)[number];

/** Runtime-changeable settings, as accepted by `POST /__control/config`. */
export const SandboxConfigSchema = z.object({
  codeExchangeShape: z.enum(['flat', 'wrapped', 'legacy']),
  omitTokenType: z.boolean(),
  refreshTooEarly: z.enum(['error', 'echo']),
  revokeOldOnRefresh: z.boolean(),
  invalidTokenStatus: z.union([z.literal(400), z.literal(401)]),
  meWrapped: z.boolean(),
  appUsagePercent: z.number().check(z.nonnegative(), z.maximum(1000)),
  redirectUris: z.array(z.url()).check(z.minLength(1)),
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
  appUsagePercent: z.optional(SandboxConfigSchema.shape.appUsagePercent),
  redirectUris: z.optional(SandboxConfigSchema.shape.redirectUris),
});
/** A partial configuration update. */
export type SandboxConfigPatch = z.infer<typeof SandboxConfigPatchSchema>;

/** Options of `createSandbox`: the app identity is fixed for the life of a sandbox. */
export interface SandboxOptions {
  clientId?: string;
  clientSecret?: string;
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
    appUsagePercent: 3,
    redirectUris: [...redirectUris],
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
