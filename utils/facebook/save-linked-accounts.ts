/**
 * A Facebook Login token reaches Instagram accounts through the user's Pages: each linked account
 * becomes a card of its own, holding the user token and its Page's token. A connect and an import
 * store them the same way.
 */
import { AppError } from '@/utils/errors';
import { words } from '@/utils/words';
import { saveNewToken, type NewTokenFacts } from '@/utils/connect/account-from-profile';
import { findLinkedAccounts } from './find-linked-accounts';

/** One account stored. */
interface StoredAccount {
  id: string;
  username: string;
}

/** What a Facebook Login stored. */
export interface LinkedAccountsSaved {
  /** The accounts stored (never none), in the order the Pages came. */
  accounts: [StoredAccount, ...StoredAccount[]];
  /** Their usernames as one line: `a, @b` (the caller writes the first `@`). */
  usernames: string;
  /** Whether any of them replaced an account stored before. */
  replaced: boolean;
  /** The Page each account came through, and the Pages that have no Instagram account. */
  detail: string;
}

/** Names a list the way a sentence does: "A", "A and B", "A, B, and C". */
const listed = (names: readonly string[]) => new Intl.ListFormat('en').format(names);

/**
 * Stores every Instagram account that `facts.token` reaches through a Page; refuses with a way to
 * link one when there is none, so that nothing is stored for a login that found nothing.
 */
export async function saveLinkedAccounts(
  graphBase: string,
  facts: Omit<NewTokenFacts, 'page'>,
): Promise<LinkedAccountsSaved> {
  const { linked, unlinked } = await findLinkedAccounts(graphBase, facts.token);
  const [first, ...others] = linked.map(({ instagram }) => ({
    id: instagram.id,
    username: instagram.username,
  }));
  if (!first) {
    throw new AppError('instagram_not_linked', {
      message: unlinked.length > 0 ? words('pages_without_instagram', listed(unlinked)) : undefined,
    });
  }
  let replaced = false;
  for (const { page, instagram } of linked) {
    const me = {
      user_id: instagram.id,
      username: instagram.username,
      profile_picture_url: instagram.profilePictureUrl,
    };
    const saved = await saveNewToken(instagram.id, me, { ...facts, page });
    replaced ||= saved.replaced;
  }
  const through = linked.map(({ page, instagram }) => `@${instagram.username} via ${page.name}`);
  const without = unlinked.length > 0 ? ` ${words('pages_unlinked', listed(unlinked))}` : '';
  return {
    accounts: [first, ...others],
    usernames: [first, ...others].map(({ username }) => username).join(', @'),
    replaced,
    detail: `${listed(through)}.${without}`,
  };
}
