/**
 * The scope names of both login flavours (docs/instagram-contract.md §2 and §9). What each one
 * means lives with the page that shows it (scope-descriptions.ts).
 */

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

/** Permissions of the Instagram API with Facebook Login, in display order. */
export const FACEBOOK_SCOPE_NAMES = [
  'instagram_basic',
  'instagram_content_publish',
  'instagram_manage_comments',
  'instagram_manage_insights',
  'pages_show_list',
  'pages_read_engagement',
  'business_management',
] as const;

/** A Facebook Login permission. */
export type FacebookScope = (typeof FACEBOOK_SCOPE_NAMES)[number];

/** The least a Facebook Login needs: the linked Instagram accounts, found through the Pages. */
export const FACEBOOK_REQUIRED_SCOPES: readonly FacebookScope[] = [
  'instagram_basic',
  'pages_show_list',
];

/** Whether `name` is a Facebook Login permission this tool offers. */
export function isFacebookScope(name: string): name is FacebookScope {
  return FACEBOOK_SCOPE_NAMES.some((scope) => scope === name);
}

/** Whether `name` is a scope of either login flavour. */
export function isKnownScope(name: string): name is InstagramScope | FacebookScope {
  return isInstagramScope(name) || isFacebookScope(name);
}
