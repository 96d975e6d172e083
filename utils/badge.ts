/** The toolbar badge: empty when all is well, otherwise a sign and a tooltip that says why. */
import { browser } from 'wxt/browser';
import { readAppState, type AppState } from './app-state';

/** What the badge shows. */
export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

/** Badge colours: red for action needed now, grey for locked. */
export const BADGE_COLORS = { red: '#d93025', amber: '#f29900', grey: '#5f6368' } as const;

const APP_NAME = 'Token Tool for Instagram';

/** Chooses the badge for the current state; the most urgent problem wins. */
export function describeBadge({ vault, vaultError }: AppState): BadgeView {
  if (vaultError) {
    return {
      text: '!',
      color: BADGE_COLORS.red,
      title: `${APP_NAME}: ${vaultError.message} ${vaultError.hint}`,
    };
  }
  if (vault?.locked) {
    return {
      text: '🔒',
      color: BADGE_COLORS.grey,
      title: `${APP_NAME}: locked. Open it and enter your passphrase to use your tokens.`,
    };
  }
  return { text: '', color: BADGE_COLORS.grey, title: APP_NAME };
}

/** Redraws the badge and its tooltip from stored state. */
export async function updateBadge(): Promise<void> {
  const view = describeBadge(await readAppState());
  await Promise.all([
    browser.action.setBadgeText({ text: view.text }),
    browser.action.setBadgeBackgroundColor({ color: view.color }),
    browser.action.setTitle({ title: view.title }),
  ]);
}
