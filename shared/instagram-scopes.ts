/** Instagram Login scope names, with the one-line meaning shown next to each checkbox. */

/** Current scopes of the Instagram API with Instagram Login, in display order. */
export const INSTAGRAM_SCOPE_NAMES = [
  'instagram_business_basic',
  'instagram_business_content_publish',
  'instagram_business_manage_comments',
  'instagram_business_manage_messages',
  'instagram_business_manage_insights',
] as const;

/** A current Instagram Login scope name. */
export type InstagramScope = (typeof INSTAGRAM_SCOPE_NAMES)[number];

/** What each scope lets the app do, in one line. */
export const INSTAGRAM_SCOPE_DESCRIPTIONS: Readonly<Record<InstagramScope, string>> = {
  instagram_business_basic: 'Read the profile and media (needed to refresh tokens).',
  instagram_business_content_publish: 'Publish posts, reels and stories.',
  instagram_business_manage_comments: 'Read, reply to and hide comments.',
  instagram_business_manage_messages: 'Read and send direct messages.',
  instagram_business_manage_insights: 'Read account and media insights.',
};

/** Scope names retired on 27 Jan 2025, mapped to their replacements. */
export const RETIRED_SCOPE_RENAMES: Readonly<Record<string, InstagramScope>> = {
  business_basic: 'instagram_business_basic',
  business_content_publish: 'instagram_business_content_publish',
  business_manage_comments: 'instagram_business_manage_comments',
  business_manage_messages: 'instagram_business_manage_messages',
};

/** Whether `name` is a current Instagram Login scope. */
export function isInstagramScope(name: string): name is InstagramScope {
  return INSTAGRAM_SCOPE_NAMES.some((scope) => scope === name);
}
