/**
 * Settings as the options page sends them: every field checked, with one plain message per wrong
 * field. Only the background parses them; the page shows the messages it gets back.
 */
import * as z from 'zod/mini';
import { RETIRED_SCOPE_RENAMES, isInstagramScope } from '@/shared/instagram-scopes';
import { isSecureOrLocalUrl } from './secure-url';

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
