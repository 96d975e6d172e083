/**
 * Asks for the optional permissions the saved settings call for: host access to the profile's
 * proxy and Graph origins, and notifications when they are turned on. Never awaited by callers:
 * in headless Chromium (and for a user who walks away) the prompt may never be answered, and
 * nothing depends on it — the proxy's CORS allow-list lets the extension through anyway.
 */
import { browser } from 'wxt/browser';
import { isSecureOrLocalUrl } from './secure-url';
import type { AppProfile, Settings } from './settings';

/** Origins the manifest already grants. */
const GRANTED = new Set(['https://graph.instagram.com']);

/**
 * Match patterns for the profile's origins that the manifest does not already cover. URLs the
 * settings would refuse are left out, so no prompt asks for an origin that will not be saved.
 */
export function hostPatternsFor(profile: Pick<AppProfile, 'proxyUrl' | 'graphUrl'>): string[] {
  const patterns = [profile.proxyUrl, profile.graphUrl]
    .filter(isSecureOrLocalUrl)
    .map((url) => new URL(url))
    .filter((url) => !GRANTED.has(url.origin))
    // Match patterns carry no port; the pattern covers every port of the host.
    .map((url) => `${url.protocol}//${url.hostname}/*`);
  return [...new Set(patterns)];
}

/** What is asked for: host patterns and API permissions. */
export interface PermissionRequest {
  origins: string[];
  permissions: 'notifications'[];
}

/** Starts the permission prompt, if one is needed, and returns at once. */
export function requestPermissionsFor(
  settings: Pick<Settings, 'notificationsEnabled'>,
  profile: AppProfile,
  request: (wanted: PermissionRequest) => Promise<unknown> = (wanted) =>
    browser.permissions.request(wanted),
): void {
  const wanted: PermissionRequest = {
    origins: hostPatternsFor(profile),
    permissions: settings.notificationsEnabled ? ['notifications'] : [],
  };
  if (wanted.origins.length === 0 && wanted.permissions.length === 0) return;
  request(wanted).catch(() => undefined);
}
