/**
 * What a Facebook token may see: the Pages and linked Instagram accounts its scopes reach. Used by
 * `debug_token`'s `granular_scopes` and by `/me/accounts`, so that the two never disagree.
 */
import type { SandboxPage } from './defaults';
import { findFacebookUser } from './facebook-users';
import type { FacebookTokenRecord } from './facebook-token-store';

/** The Pages a token reaches: the owner's (with `pages_show_list`), or a Page token's own Page. */
export function reachablePages(record: FacebookTokenRecord): readonly SandboxPage[] {
  const pages = findFacebookUser(record.userId)?.pages ?? [];
  if (record.kind === 'page') return pages.filter((page) => page.id === record.pageId);
  return record.scopes.includes('pages_show_list') ? pages : [];
}

/**
 * `granular_scopes` of `debug_token` (docs/instagram-contract.md §9.4): every granted scope but
 * `public_profile`, with `target_ids` for the asset-scoped ones (Pages for `pages_*`, Instagram
 * accounts for `instagram_*`) and without it where no asset is reached.
 */
export function granularScopes(
  record: FacebookTokenRecord,
): { scope: string; target_ids?: string[] }[] {
  const pages = findFacebookUser(record.userId)?.pages ?? [];
  const pageIds = pages.map((page) => page.id);
  const instagramIds = pages.flatMap((page) =>
    page.instagramUserId === undefined ? [] : [page.instagramUserId],
  );
  return record.scopes
    .filter((scope) => scope !== 'public_profile')
    .map((scope) => {
      const targets = scope.startsWith('pages_')
        ? pageIds
        : scope.startsWith('instagram_')
          ? instagramIds
          : [];
      return targets.length === 0 ? { scope } : { scope, target_ids: targets };
    });
}
