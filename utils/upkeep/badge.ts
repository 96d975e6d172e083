/** The toolbar badge: empty when all is well, otherwise a sign and a tooltip that says why. */
import { browser } from 'wxt/browser';
import { words } from '@/utils/words';
import { accessEndsAt, accountStatus } from './account-status';
import type { LifecycleState } from './lifecycle-state';
import { formatRelative } from '@/utils/page/format-time';

/** What the badge shows. */
export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

/** Badge colours: red for action needed now, amber for soon, grey for locked. */
export const BADGE_COLORS = { red: '#d93025', amber: '#f29900', grey: '#5f6368' } as const;

const APP_NAME = 'Token Tool for Instagram';

/** Chooses the badge for the current state: red problems first, then the lock, then amber. */
export function describeBadge(state: LifecycleState): BadgeView {
  const { vaultError, accounts, locked, now } = state;
  if (vaultError) {
    return {
      text: '!',
      color: BADGE_COLORS.red,
      title: `${APP_NAME}: ${vaultError.message} ${vaultError.hint}`,
    };
  }
  const context = { now, locked: false, warningWindowMs: state.policy.warningWindowMs };
  const red: string[] = [];
  const amber: string[] = [];
  for (const account of accounts) {
    const status = accountStatus(account, context);
    const name = account.username;
    if (status === 'revoked') red.push(words('badge_revoked', name));
    else if (status === 'expired') red.push(words('badge_expired', name));
    else if (status === 'refused') red.push(words('badge_refused', name));
    else if (account.refreshFailed) red.push(words('badge_refresh_failed', name));
    else if (status === 'expiring') {
      amber.push(words('badge_expiring', name, formatRelative(accessEndsAt(account) ?? now, now)));
    }
  }
  if (red.length > 0)
    return { text: '!', color: BADGE_COLORS.red, title: [APP_NAME, ...red, ...amber].join('\n') };
  if (locked) {
    return {
      text: '🔒',
      color: BADGE_COLORS.grey,
      title: words('badge_locked', APP_NAME),
    };
  }
  if (amber.length > 0)
    return { text: '!', color: BADGE_COLORS.amber, title: [APP_NAME, ...amber].join('\n') };
  return { text: '', color: BADGE_COLORS.grey, title: APP_NAME };
}

/** Redraws the badge and its tooltip. */
export async function updateBadge(state: LifecycleState): Promise<void> {
  const view = describeBadge(state);
  await Promise.all([
    browser.action.setBadgeText({ text: view.text }),
    browser.action.setBadgeBackgroundColor({ color: view.color }),
    browser.action.setTitle({ title: view.title }),
  ]);
}
