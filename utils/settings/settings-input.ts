/**
 * Settings as the options page sends them: every field checked, with one plain message per wrong
 * field. Only the background parses them; the page shows the messages it gets back.
 */
import * as z from 'zod/mini';
import { words, type MessageName } from '@/utils/words';
import { FLAVORS, type Flavor } from '@/shared/exchange-contract';
import {
  FACEBOOK_REQUIRED_SCOPES,
  RETIRED_SCOPE_RENAMES,
  isFacebookScope,
  isInstagramScope,
  isKnownScope,
} from '@/shared/instagram-scopes';
import { isSecureOrLocalUrl } from './secure-url';

const EndpointSchema = z.string().check(z.refine(isSecureOrLocalUrl, words('field_url')));

/** What is wrong with one scope name for a profile of `flavor`, if anything. */
function scopeProblem(scope: string, flavor: Flavor): string | undefined {
  if (flavor === 'facebook') {
    return isFacebookScope(scope) ? undefined : words('field_scope_not_facebook', scope);
  }
  const renamed = RETIRED_SCOPE_RENAMES[scope];
  if (renamed) return words('field_scope_retired', scope, renamed);
  return isInstagramScope(scope) ? undefined : words('field_scope_not_instagram', scope);
}

/** The scopes a profile of `flavor` cannot work without, and the message naming them. */
const REQUIRED_SCOPES = {
  instagram: { scopes: ['instagram_business_basic'], message: 'field_scopes_instagram' },
  facebook: { scopes: FACEBOOK_REQUIRED_SCOPES, message: 'field_scopes_facebook' },
} as const satisfies Record<Flavor, { scopes: readonly string[]; message: MessageName }>;

/** Checks a profile's scopes against its flavour: known names, and the required ones present. */
function checkScopes(
  profile: { flavor: Flavor; scopes: string[] },
  context: z.core.$RefinementCtx<{ flavor: Flavor; scopes: string[] }>,
): void {
  for (const scope of profile.scopes) {
    const message = scopeProblem(scope, profile.flavor);
    if (message) context.addIssue({ code: 'custom', input: scope, path: ['scopes'], message });
  }
  const required = REQUIRED_SCOPES[profile.flavor];
  if (required.scopes.some((scope) => !profile.scopes.includes(scope))) {
    context.addIssue({
      code: 'custom',
      input: profile.scopes,
      path: ['scopes'],
      message: words(required.message),
    });
  }
}

function wholeNumber(min: number, max: number, unit: string) {
  const message = words('field_whole_number', unit, String(min), String(max));
  return z.number(message).check(z.int(message), z.gte(min, message), z.lte(max, message));
}

/** An app profile as the options page saves it: every field checked, with a message per field. */
export const AppProfileInputSchema = z.pipe(
  z
    .object({
      id: z.string().check(z.regex(/^[\w-]{1,40}$/, 'Invalid profile id.')),
      name: z
        .string()
        .check(z.minLength(1, 'Give this app a name.'), z.maxLength(60, words('field_name_long'))),
      flavor: z.enum(FLAVORS, words('field_flavor')),
      clientId: z.string().check(z.regex(/^\d{5,32}$/, words('field_client_id'))),
      scopes: z.array(z.string()),
      proxyUrl: EndpointSchema,
      authorizeUrl: EndpointSchema,
      graphUrl: EndpointSchema,
      graphVersion: z.string().check(z.regex(/^v\d{1,3}\.\d{1,2}$/, words('field_graph_version'))),
    })
    .check(z.superRefine(checkScopes)),
  // The check has refused any unknown name; the filter only narrows the type.
  z.transform((profile) => ({ ...profile, scopes: profile.scopes.filter(isKnownScope) })),
);

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
