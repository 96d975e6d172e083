/**
 * Stores accounts the way a user would with "Import token": the extension's own `importToken`
 * message, sent from one of its pages. The background checks each token against `/me`, builds
 * the account, seals the token and writes the vault, exactly as for a pasted token.
 */
import type { Page } from 'playwright-core';
import * as z from 'zod/mini';
import { sendFromPage } from '../tests/support/browser/extension-pages';
import type { GraphUser } from './many-users-graph';

const ImportReplySchema = z.union([
  z.object({ ok: z.literal(true), data: z.object({ username: z.string() }) }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/** Imports each user's token in turn; throws at the first one the extension does not store. */
export async function importAccounts(page: Page, users: readonly GraphUser[]): Promise<void> {
  for (const user of users) {
    const reply = ImportReplySchema.parse(
      await sendFromPage(page, { type: 'importToken', token: user.token }),
    );
    if (!reply.ok) {
      throw new Error(
        `Importing @${user.username} failed: ${reply.error.code}, ${reply.error.message}`,
      );
    }
    if (reply.data.username !== user.username) {
      throw new Error(`Importing @${user.username} stored @${reply.data.username} instead.`);
    }
  }
}
