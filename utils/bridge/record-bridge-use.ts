/**
 * The command line in an account's history: every read ("Read by the command line") and every
 * hook run, never the token. Reads in a row share one entry, so that a script that polls does not
 * push the rest of the history out.
 */
import type { HostMessage } from '@/shared/bridge-protocol';
import { words } from '@/utils/words';
import { appendEvent, type AccountEvent } from '@/utils/vault/account-record';
import { updateAccount } from '@/utils/vault/account-store';

/** Notes a read by the command line, merging it into a read noted just before. */
export async function recordCliRead(accountId: string): Promise<void> {
  const now = Date.now();
  await updateAccount(accountId, (account) => {
    const [latest, ...older] = account.events;
    const merged = latest?.type === 'cli_read';
    const event: AccountEvent = {
      at: now,
      type: 'cli_read',
      ok: true,
      message: words('event_cli_read'),
      count: merged ? (latest.count ?? 1) + 1 : 1,
    };
    return { ...account, events: merged ? [event, ...older] : appendEvent(account.events, event) };
  });
}

/** Notes what each hook did with a new token. */
export async function recordHookReport(
  report: Extract<HostMessage, { kind: 'hook-report' }>,
): Promise<void> {
  if (report.results.length === 0) return;
  const now = Date.now();
  await updateAccount(report.accountId, (account) => ({
    ...account,
    events: report.results.reduce(
      (events, result) =>
        appendEvent(events, {
          at: now,
          type: 'hook_ran',
          ok: result.ok,
          message: result.ok
            ? words('hook_ran', String(result.hook), result.program)
            : result.exitCode === null
              ? words('hook_failed', String(result.hook), result.program)
              : words(
                  'hook_exit_code',
                  String(result.hook),
                  result.program,
                  String(result.exitCode),
                ),
          ...(result.ok ? {} : { hint: words('advice_hook_failed') }),
        }),
      account.events,
    ),
  }));
}
