/**
 * What each scope lets the app do, in one line, shown next to its checkbox in Settings (and on the
 * sandbox's consent page). A file apart from the names, so that the background, which only checks
 * names, bundles none of this text.
 */
import type { FacebookScope, InstagramScope } from './instagram-scopes';

/** What each scope lets the app do, in one line. */
export const INSTAGRAM_SCOPE_DESCRIPTIONS: Readonly<Record<InstagramScope, string>> = {
  instagram_business_basic: 'Read the profile and media (needed to refresh tokens).',
  instagram_business_content_publish: 'Publish posts, reels and stories.',
  instagram_business_manage_comments: 'Read, reply to and hide comments.',
  instagram_business_manage_messages: 'Read and send direct messages.',
  instagram_business_manage_insights: 'Read account and media insights.',
};

/** What each Facebook Login permission lets the app do, in one line. */
const FACEBOOK_SCOPE_DESCRIPTIONS: Readonly<Record<FacebookScope, string>> = {
  instagram_basic: 'Read the Instagram profile and media (needed to find the account).',
  instagram_content_publish: 'Publish posts, reels and stories.',
  instagram_manage_comments: 'Read, reply to and hide comments.',
  instagram_manage_insights: 'Read account and media insights.',
  pages_show_list: 'List your Pages (needed to find the Instagram accounts linked to them).',
  pages_read_engagement: "Read your Pages' content and engagement.",
  business_management: 'Reach Pages that a Business Manager gives you.',
};

/** What every scope of either flavour lets the app do, in one line. */
export const SCOPE_DESCRIPTIONS: Readonly<Record<InstagramScope | FacebookScope, string>> = {
  ...INSTAGRAM_SCOPE_DESCRIPTIONS,
  ...FACEBOOK_SCOPE_DESCRIPTIONS,
};
