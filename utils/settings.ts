/**
 * User settings: one or more app profiles (which Instagram app, proxy and endpoints to use) and
 * the lifecycle preferences. Stored in `storage.local` under a versioned item, never in
 * `storage.sync`.
 */
import * as z from 'zod/mini';
import {
  INSTAGRAM_SCOPE_NAMES,
  RETIRED_SCOPE_RENAMES,
  isInstagramScope,
} from '../shared/instagram-scopes';
import { BUILD_DEFAULTS } from './build-defaults';

/** One Instagram app and the endpoints used with it. */
export const AppProfileSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  clientId: z.string(),
  scopes: z.array(z.enum(INSTAGRAM_SCOPE_NAMES)),
  proxyUrl: z.string(),
  authorizeUrl: z.string(),
  graphUrl: z.string(),
});
/** An app profile. */
export type AppProfile = z.infer<typeof AppProfileSchema>;

/** Settings as stored (version 2). */
export const SettingsSchema = z.object({
  profiles: z.array(AppProfileSchema).check(z.minLength(1)),
  activeProfileId: z.string(),
  refreshWindowDays: z.number(),
  maxTokenAgeDays: z.number(),
  checkIntervalHours: z.number(),
  clipboardClearSeconds: z.nullable(z.number()),
  notificationsEnabled: z.boolean(),
  notifyDaysBeforeExpiry: z.number(),
});
/** The user's settings. */
export type Settings = z.infer<typeof SettingsSchema>;

/** Version 1 held a single app and nothing else. */
export const SettingsV1Schema = z.object({
  clientId: z.string(),
  scopes: z.array(z.string()),
  proxyUrl: z.string(),
  authorizeUrl: z.string(),
  graphUrl: z.string(),
});

/** Id of the profile every install starts with. */
export const DEFAULT_PROFILE_ID = 'default';

/** Settings of a fresh install, seeded from the build-time defaults. */
export function createDefaultSettings(): Settings {
  return {
    profiles: [
      {
        id: DEFAULT_PROFILE_ID,
        name: 'Default app',
        clientId: BUILD_DEFAULTS.clientId,
        scopes: ['instagram_business_basic'],
        proxyUrl: BUILD_DEFAULTS.proxyUrl,
        authorizeUrl: BUILD_DEFAULTS.authorizeUrl,
        graphUrl: BUILD_DEFAULTS.graphUrl,
      },
    ],
    activeProfileId: DEFAULT_PROFILE_ID,
    refreshWindowDays: 10,
    maxTokenAgeDays: 50,
    checkIntervalHours: 6,
    clipboardClearSeconds: 60,
    notificationsEnabled: false,
    notifyDaysBeforeExpiry: 7,
  };
}

/**
 * Upgrades version-1 settings (one app) to version 2 (profiles plus lifecycle preferences),
 * renaming retired scope names on the way.
 */
export function migrateSettingsV1ToV2(stored: unknown): Settings {
  const v1 = SettingsV1Schema.parse(stored);
  const defaults = createDefaultSettings();
  const renamed = v1.scopes.map((scope) => RETIRED_SCOPE_RENAMES[scope] ?? scope);
  const scopes = INSTAGRAM_SCOPE_NAMES.filter((known) => renamed.includes(known));
  return {
    ...defaults,
    profiles: [
      {
        id: DEFAULT_PROFILE_ID,
        name: 'Default app',
        clientId: v1.clientId,
        scopes: scopes.length > 0 ? scopes : ['instagram_business_basic'],
        proxyUrl: v1.proxyUrl,
        authorizeUrl: v1.authorizeUrl,
        graphUrl: v1.graphUrl,
      },
    ],
  };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a URL is https, or plain http on this machine (the sandbox and a local proxy). */
export function isSecureOrLocalUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
}

const EndpointSchema = z
  .string()
  .check(
    z.refine(isSecureOrLocalUrl, 'Use an https:// URL (http:// only for localhost or 127.0.0.1).'),
  );

const ScopesSchema = z.array(z.string()).check(
  z.superRefine((scopes, context) => {
    for (const scope of scopes) {
      const renamed = RETIRED_SCOPE_RENAMES[scope];
      if (renamed || !isInstagramScope(scope)) {
        context.addIssue({
          code: 'custom',
          input: scope,
          message: renamed
            ? `"${scope}" was retired on 27 Jan 2025; use "${renamed}".`
            : `"${scope}" is not an Instagram Login scope.`,
        });
      }
    }
    if (!scopes.includes('instagram_business_basic')) {
      context.addIssue({
        code: 'custom',
        input: scopes,
        message: 'instagram_business_basic is required: tokens cannot be refreshed without it.',
      });
    }
  }),
);

function wholeNumber(min: number, max: number, unit: string) {
  const message = `Enter a whole number of ${unit} from ${min} to ${max}.`;
  return z.number(message).check(z.int(message), z.gte(min, message), z.lte(max, message));
}

/** An app profile as the options page saves it: every field checked, with a message per field. */
export const AppProfileInputSchema = z.object({
  id: z.string().check(z.regex(/^[\w-]{1,40}$/, 'Invalid profile id.')),
  name: z
    .string()
    .check(
      z.minLength(1, 'Give this app a name.'),
      z.maxLength(60, 'Keep the name under 60 characters.'),
    ),
  clientId: z
    .string()
    .check(z.regex(/^\d{5,32}$/, 'The Client ID is the Instagram App ID: digits only.')),
  // The check above has refused any unknown name; the filter only narrows the type.
  scopes: z.pipe(
    ScopesSchema,
    z.transform((scopes) => scopes.filter(isInstagramScope)),
  ),
  proxyUrl: EndpointSchema,
  authorizeUrl: EndpointSchema,
  graphUrl: EndpointSchema,
});

/** Settings as the options page saves them. */
export const SettingsInputSchema = z.object({
  profiles: z.array(AppProfileInputSchema).check(z.minLength(1)),
  activeProfileId: z.string(),
  refreshWindowDays: wholeNumber(1, 59, 'days'),
  maxTokenAgeDays: wholeNumber(1, 59, 'days'),
  checkIntervalHours: wholeNumber(1, 168, 'hours'),
  clipboardClearSeconds: z.nullable(wholeNumber(5, 3600, 'seconds')),
  notificationsEnabled: z.boolean(),
  notifyDaysBeforeExpiry: wholeNumber(1, 30, 'days'),
});

/** The first message for each invalid field, keyed by its path (`profiles.0.clientId`). */
export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    messages[path] ??= issue.message;
  }
  return messages;
}
