/**
 * Desktop notifications, when the user turned them on (an optional permission): once when a token
 * dies, and once when one nears expiry and cannot be refreshed. Each carries a Reconnect button.
 */
import { browser } from 'wxt/browser';
import { words } from '@/utils/words';
import type { AccountRecord } from '@/utils/vault/account-record';
import { findAccount, updateAccount, type AccountSummary } from '@/utils/vault/account-store';
import { accessEndsAt, accountStatus } from './account-status';
import { formatRelative } from '@/utils/page/format-time';
import type { LifecycleState } from './lifecycle-state';
import { decideRefresh } from './refresh-policy';

const NOTIFICATION_PREFIX = 'reconnect:';

/** The account a notification is about, if it is one of ours. */
export function accountIdOfNotification(id: string): string | undefined {
  return id.startsWith(NOTIFICATION_PREFIX) ? id.slice(NOTIFICATION_PREFIX.length) : undefined;
}

/** The notice an account deserves now: `dead`, `expiring` (and no refresh will save it), or none. */
export function noticeFor(
  account: AccountSummary,
  state: Omit<LifecycleState, 'accounts'>,
): AccountRecord['notified'] {
  const { policy, locked, now } = state;
  const status = accountStatus(account, {
    now,
    locked: false,
    warningWindowMs: policy.warningWindowMs,
  });
  if (status === 'expired' || status === 'revoked') return 'dead';
  const endsAt = accessEndsAt(account);
  if (endsAt === null || endsAt - now > policy.notifyWindowMs) return null;
  const decision = decideRefresh(account, policy, now);
  const stuck =
    account.refreshFailed ||
    locked ||
    (!decision.refresh && (decision.reason === 'too_new' || decision.reason === 'not_refreshable'));
  return stuck ? 'expiring' : null;
}

function message(account: AccountSummary, notice: 'dead' | 'expiring', now: number): string {
  const endsAt = accessEndsAt(account);
  if (notice === 'expiring' && endsAt !== null) {
    const why =
      account.tokenKind === 'facebook_login' ? 'notice_why_facebook' : 'notice_why_failed';
    return words('notice_expiring', account.username, formatRelative(endsAt, now), words(why));
  }
  return words(
    account.health === 'revoked' ? 'notice_revoked' : 'notice_expired',
    account.username,
  );
}

/** Shows the notices that are due and remembers them, so that each is shown once. */
export async function notifyAccounts(state: LifecycleState): Promise<void> {
  const notifications = browser.notifications;
  if (!state.policy.notificationsEnabled || !notifications) return;
  for (const account of state.accounts) {
    const notice = noticeFor(account, state);
    if (notice === account.notified) continue;
    if (notice) {
      await notifications.create(`${NOTIFICATION_PREFIX}${account.id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon-128.png'),
        title: words(notice === 'dead' ? 'notice_title_dead' : 'notice_title_expiring'),
        message: message(account, notice, state.now),
        buttons: [{ title: 'Reconnect' }],
        requireInteraction: notice === 'dead',
      });
    }
    await updateAccount(account.id, (current) => ({ ...current, notified: notice }));
  }
}

/** A click on a notification (or its Reconnect button) starts the reconnect for its account. */
export async function reconnectFromNotification(
  notificationId: string,
  reconnect: (profileId: string) => Promise<unknown>,
): Promise<void> {
  const accountId = accountIdOfNotification(notificationId);
  if (accountId === undefined) return;
  await browser.notifications.clear(notificationId);
  const account = await findAccount(accountId);
  await reconnect(account.profileId);
}
