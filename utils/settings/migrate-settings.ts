/** Upgrades of stored settings from older versions. */
import * as z from 'zod/mini';
import { INSTAGRAM_SCOPE_NAMES, RETIRED_SCOPE_RENAMES } from '@/shared/instagram-scopes';
import { DEFAULT_GRAPH_VERSION } from './build-defaults';
import { DEFAULT_PROFILE_ID, createDefaultSettings, type Settings } from './settings';

/** Version 1 held a single app and nothing else. */
export const SettingsV1Schema = z.object({
  clientId: z.string(),
  scopes: z.array(z.string()),
  proxyUrl: z.string(),
  authorizeUrl: z.string(),
  graphUrl: z.string(),
});

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
        flavor: 'instagram',
        clientId: v1.clientId,
        scopes: scopes.length > 0 ? scopes : ['instagram_business_basic'],
        proxyUrl: v1.proxyUrl,
        authorizeUrl: v1.authorizeUrl,
        graphUrl: v1.graphUrl,
        graphVersion: DEFAULT_GRAPH_VERSION,
      },
    ],
  };
}
