/** Lookup of the seeded accounts by either of their ids. */
import { SANDBOX_USERS, type SandboxUser } from './defaults';

/** Finds a seeded user by `user_id` or by app-scoped `id`. */
export function findSandboxUser(anyId: string): SandboxUser | undefined {
  return SANDBOX_USERS.find((user) => user.user_id === anyId || user.id === anyId);
}
