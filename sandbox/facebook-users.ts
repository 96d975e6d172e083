/** Lookup of the seeded Facebook users and their Pages. */
import { SANDBOX_FB_USERS, type SandboxFacebookUser, type SandboxPage } from './defaults';

/** Finds a seeded Facebook user by id. */
export function findFacebookUser(id: string): SandboxFacebookUser | undefined {
  return SANDBOX_FB_USERS.find((user) => user.id === id);
}

/** Finds a seeded Page by id, with the user who manages it. */
export function findPage(
  pageId: string,
): { readonly page: SandboxPage; readonly owner: SandboxFacebookUser } | undefined {
  for (const owner of SANDBOX_FB_USERS) {
    const page = owner.pages.find((candidate) => candidate.id === pageId);
    if (page !== undefined) return { page, owner };
  }
  return undefined;
}
