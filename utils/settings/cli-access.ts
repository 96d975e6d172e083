/**
 * Settings → Command-line access: off by default; once on, every account is readable by the
 * `igtt` command line except the ones the user excludes. Kept in its own item, apart from the
 * app settings, so that the two forms of the options page never overwrite each other.
 */
import * as z from 'zod/mini';
import { AppError } from '@/utils/errors';
import { defineCheckedItem } from '@/utils/vault/define-checked-item';

/** Whether the command line may read tokens, and which accounts it may not. */
export const CliAccessSchema = z.object({
  enabled: z.boolean(),
  excludedAccountIds: z.array(z.string().check(z.regex(/^\d{1,40}$/))).check(z.maxLength(1000)),
});
/** Command-line access. */
export type CliAccess = z.infer<typeof CliAccessSchema>;

/** Off, with nothing excluded. */
export const CLI_ACCESS_OFF: CliAccess = { enabled: false, excludedAccountIds: [] };

/** Command-line access, stored locally (never synced). */
export const cliAccessItem = defineCheckedItem('local:cliAccess', CliAccessSchema, {
  version: 1,
  fallback: CLI_ACCESS_OFF,
});

/** The stored access; unreadable data counts as off, the safe reading. */
export async function readCliAccess(): Promise<CliAccess> {
  const parsed = await cliAccessItem.read();
  return parsed.success ? parsed.data : CLI_ACCESS_OFF;
}

/** Validates and stores the access in one write. */
export async function saveCliAccess(input: unknown): Promise<CliAccess> {
  const parsed = CliAccessSchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_settings', { cause: parsed.error });
  await cliAccessItem.write(parsed.data);
  return parsed.data;
}

/** Whether the command line may read this account's token. */
export function isCliAllowed(access: CliAccess, accountId: string): boolean {
  return access.enabled && !access.excludedAccountIds.includes(accountId);
}
