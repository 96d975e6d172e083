/**
 * Asks for host access to a profile's proxy and Graph origins. Never awaited by callers: in
 * headless Chromium (and for a user who walks away) the prompt may never be answered, and the
 * proxy's CORS allow-list lets the extension through without it anyway.
 */
import { browser } from 'wxt/browser';
import type { AppProfile } from './settings';

/** Origins the manifest already grants. */
const GRANTED = new Set(['https://graph.instagram.com']);

/** Match patterns for the profile's origins that the manifest does not already cover. */
export function hostPatternsFor(profile: Pick<AppProfile, 'proxyUrl' | 'graphUrl'>): string[] {
  const patterns = [profile.proxyUrl, profile.graphUrl]
    .filter((url) => URL.canParse(url))
    .map((url) => new URL(url))
    .filter((url) => !GRANTED.has(url.origin))
    // Match patterns carry no port; the pattern covers every port of the host.
    .map((url) => `${url.protocol}//${url.hostname}/*`);
  return [...new Set(patterns)];
}

/** Starts the permission prompt and returns at once; the answer only matters for later calls. */
export function requestHostAccess(profile: Pick<AppProfile, 'proxyUrl' | 'graphUrl'>): void {
  const origins = hostPatternsFor(profile);
  if (origins.length === 0) return;
  browser.permissions.request({ origins }).catch(() => undefined);
}
