/**
 * Asks for the one optional permission the settings can call for: notifications, when they are
 * turned on. Never awaited by callers: in headless Chromium (and for a user who walks away) the
 * prompt may never be answered, and nothing depends on it.
 *
 * There is no host permission to ask for: the proxy answers CORS for the extension's own origin
 * (it refuses every other origin anyway), so the extension needs no access to the proxy's host.
 */
import { browser } from 'wxt/browser';
import type { Settings } from './settings';

/** What is asked for. */
export interface PermissionRequest {
  permissions: 'notifications'[];
}

/** Starts the notifications prompt when they are turned on, and returns at once. */
export function requestPermissionsFor(
  settings: Pick<Settings, 'notificationsEnabled'>,
  request: (wanted: PermissionRequest) => Promise<unknown> = (wanted) =>
    browser.permissions.request(wanted),
): void {
  if (!settings.notificationsEnabled) return;
  request({ permissions: ['notifications'] }).catch(() => undefined);
}
