/**
 * Finding the Instagram accounts a Facebook user token reaches: `/me/accounts` lists the user's
 * Pages, each with its Page token and, when one is linked, its Instagram professional account
 * (docs/instagram-contract.md §9.5).
 */
import { FacebookPagesResponseSchema, type FacebookPage } from '@/shared/facebook-pages';
import { GraphError, getGraph } from '@/utils/instagram/graph-client';
import { joinUrl } from '@/utils/instagram/join-url';

/** The Page fields asked for, the linked account's included. */
const PAGE_FIELDS = 'name,access_token,instagram_business_account{id,username,profile_picture_url}';

/** Graph's pages of 25 Pages each: 250 Pages is more than anyone manages by hand, and the loop ends. */
const MAX_PAGE_REQUESTS = 10;

/** An Instagram account reached through a Page. */
export interface LinkedAccount {
  page: { id: string; name: string; token?: string };
  instagram: { id: string; username: string; profilePictureUrl?: string };
}

/** The user's Pages, split into those with a linked Instagram account and the others. */
export interface PagesFound {
  linked: LinkedAccount[];
  /** Names of the Pages without an Instagram account, for the explanation. */
  unlinked: string[];
}

/** Every Page of the token's user, following the cursor (never `paging.next`, which holds the token). */
async function listPages(graphBase: string, token: string): Promise<FacebookPage[]> {
  const pages: FacebookPage[] = [];
  let after: string | undefined;
  for (let request = 0; request < MAX_PAGE_REQUESTS; request += 1) {
    const url = joinUrl(graphBase, 'me/accounts');
    url.searchParams.set('fields', PAGE_FIELDS);
    if (after !== undefined) url.searchParams.set('after', after);
    const { body } = await getGraph(url, token);
    const parsed = FacebookPagesResponseSchema.safeParse(body);
    if (!parsed.success) throw new GraphError({ status: 200, malformed: true }, parsed.error);
    pages.push(...parsed.data.data);
    after = parsed.data.paging?.next ? parsed.data.paging.cursors?.after : undefined;
    if (after === undefined) break;
  }
  return pages;
}

/** Lists the user's Pages and the Instagram account linked to each. */
export async function findLinkedAccounts(graphBase: string, token: string): Promise<PagesFound> {
  const found: PagesFound = { linked: [], unlinked: [] };
  for (const page of await listPages(graphBase, token)) {
    const name = page.name ?? page.id;
    const instagram = page.instagram_business_account;
    if (instagram?.username === undefined) {
      found.unlinked.push(name);
      continue;
    }
    found.linked.push({
      page: { id: page.id, name, token: page.access_token },
      instagram: {
        id: instagram.id,
        username: instagram.username,
        profilePictureUrl: instagram.profile_picture_url,
      },
    });
  }
  return found;
}
