/**
 * What "nothing half-written" means for the extension's stored state, checked in a real browser
 * after something went wrong: every account's token decrypts, every upkeep alarm belongs to a
 * stored account, no login state outlives its login, and no progress is stuck mid-way.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import * as z from 'zod/mini';
import { sendFromPage } from './extension-pages';
import type { LoadedExtension } from './launch-extension';
import { readAlarms, readLoginSession, readStoredAccounts } from './worker-storage';

/** How long a pending login may live (`STATE_TTL_MS` in utils/connect/pending-flows.ts). */
const LOGIN_STATE_TTL_MS = 10 * 60_000;

const TokenReplySchema = z.object({ ok: z.literal(true), data: z.object({ token: z.string() }) });

/**
 * Asserts that the stored state is whole. `page` is an extension page to ask the background from;
 * `loginRunning` says whether a login may legitimately be under way.
 */
export async function expectNothingHalfWritten(
  extension: LoadedExtension,
  page: Page,
  loginRunning = false,
): Promise<void> {
  const accounts = await readStoredAccounts(extension);
  for (const id of Object.keys(accounts)) {
    const reply = TokenReplySchema.safeParse(
      await sendFromPage(page, { type: 'getToken', accountId: id }),
    );
    expect(reply.success, `the token of account ${id} decrypts`).toBe(true);
    expect(reply.data?.data.token).toMatch(/^IGAA/);
  }

  const upkeepAlarms = [...(await readAlarms(extension)).keys()].filter((name) =>
    name.startsWith('upkeep:'),
  );
  expect(
    upkeepAlarms.filter((name) => !(name.slice('upkeep:'.length) in accounts)),
    'upkeep alarms without an account',
  ).toEqual([]);

  const { pendingFlows = {}, connectProgress } = await readLoginSession(extension);
  const flows = Object.values(pendingFlows);
  if (loginRunning) {
    expect(flows.every((flow) => Date.now() - flow.createdAt < LOGIN_STATE_TTL_MS)).toBe(true);
  } else {
    expect(flows, 'pending logins while none runs').toEqual([]);
    expect(connectProgress?.phase ?? 'none', 'connect progress').not.toMatch(
      /^(authorizing|exchanging)$/,
    );
  }
}
