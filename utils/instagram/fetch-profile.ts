/** Reading `/me`: who a token belongs to. */
import * as z from 'zod/mini';
import { firstOfData } from '@/shared/instagram-responses';
import { AppError } from '@/utils/errors';
import { joinUrl } from '@/utils/instagram/join-url';
import { GraphError, getGraph } from './graph-client';

/** Fields read from `/me` when an account connects or a token is imported. */
export const PROFILE_FIELDS = ['id', 'user_id', 'username', 'account_type', 'profile_picture_url'];

/** The profile fields read at connect time; `/me` may answer flat or wrapped in `data`. */
const ProfileFieldsSchema = z.object({
  id: z.optional(z.string()),
  user_id: z.optional(z.string()),
  username: z.string().check(z.minLength(1)),
  account_type: z.optional(z.string()),
  profile_picture_url: z.optional(z.string()),
});
/** A profile as `/me` returns it. */
export type GraphProfile = z.infer<typeof ProfileFieldsSchema>;

const ProfileSchema = z.union([ProfileFieldsSchema, firstOfData(ProfileFieldsSchema)]);

/** Instagram ids are digit strings; `parseJsonKeepingIds` has turned bare numbers into strings. */
const ID_PATTERN = /^\d{1,40}$/;

/**
 * Reads `/me` with the given fields. A body of the wrong shape is an Instagram failure; an id that
 * is not a digit string is refused here, at the boundary, so that it can never reach the vault.
 */
export async function fetchProfile(
  graphUrl: string,
  token: string,
  fields: readonly string[],
): Promise<GraphProfile & { appUsagePercent?: number }> {
  const url = joinUrl(graphUrl, 'me');
  url.searchParams.set('fields', fields.join(','));
  const { body, appUsagePercent } = await getGraph(url, token);
  const profile = ProfileSchema.safeParse(body);
  if (!profile.success) throw new GraphError({ status: 200, malformed: true }, profile.error);
  const { id, user_id: userId } = profile.data;
  if ([id, userId].some((value) => value !== undefined && !ID_PATTERN.test(value))) {
    throw new AppError('account_id_invalid');
  }
  return { ...profile.data, appUsagePercent };
}

/**
 * The id an account is keyed by: `/me`'s `user_id`, the professional account id. The code
 * exchange's `user_id` and `/me`'s `id` are app-scoped and may differ from it
 * (docs/instagram-contract.md §5.3), so neither stands in for it.
 */
export function accountIdOf(me: Pick<GraphProfile, 'user_id'>): string {
  if (me.user_id === undefined) throw new AppError('account_id_missing');
  return me.user_id;
}
