/**
 * User settings: one or more app profiles (which Instagram app, proxy and endpoints to use) and
 * the lifecycle preferences. Stored in `storage.local` under a versioned item, never in
 * `storage.sync`.
 */
import * as z from 'zod/mini';
import { FLAVORS } from '@/shared/exchange-contract';
import { FACEBOOK_SCOPE_NAMES, INSTAGRAM_SCOPE_NAMES } from '@/shared/instagram-scopes';
import { BUILD_DEFAULTS, DEFAULT_GRAPH_VERSION } from './build-defaults';

/**
 * One Meta app and the endpoints used with it. `flavor` says which login it uses: Instagram
 * Login (the default, and every profile stored before Facebook Login existed) or Facebook Login,
 * whose dialog and Graph calls add `graphVersion` to their path.
 */
export const AppProfileSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  flavor: z._default(z.enum(FLAVORS), 'instagram'),
  clientId: z.string(),
  scopes: z.array(z.enum([...INSTAGRAM_SCOPE_NAMES, ...FACEBOOK_SCOPE_NAMES])),
  proxyUrl: z.string(),
  authorizeUrl: z.string(),
  graphUrl: z.string(),
  graphVersion: z._default(z.string(), DEFAULT_GRAPH_VERSION),
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

/** Id of the profile every install starts with. */
export const DEFAULT_PROFILE_ID = 'default';

/** Settings of a fresh install, seeded from the build-time defaults. */
export function createDefaultSettings(): Settings {
  return {
    profiles: [
      {
        id: DEFAULT_PROFILE_ID,
        name: 'Default app',
        flavor: 'instagram',
        clientId: BUILD_DEFAULTS.clientId,
        scopes: ['instagram_business_basic'],
        proxyUrl: BUILD_DEFAULTS.proxyUrl,
        authorizeUrl: BUILD_DEFAULTS.authorizeUrl,
        graphUrl: BUILD_DEFAULTS.graphUrl,
        graphVersion: DEFAULT_GRAPH_VERSION,
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
