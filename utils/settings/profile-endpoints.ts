/**
 * Where a profile's login and Graph calls go. Instagram Login uses its URLs as they are; Facebook
 * Login puts the Graph API version in both paths (`/v25.0/dialog/oauth`, `/v25.0/me/accounts`).
 */
import type { AppProfile } from './settings';

type Endpoints = Pick<AppProfile, 'flavor' | 'authorizeUrl' | 'graphUrl' | 'graphVersion'>;

function below(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path}`;
}

/** The page the login window opens. */
export function authorizeEndpoint(profile: Endpoints): string {
  return profile.flavor === 'facebook'
    ? below(profile.authorizeUrl, `${profile.graphVersion}/dialog/oauth`)
    : profile.authorizeUrl;
}

/** The base of every Graph call made with this profile's tokens. */
export function graphApiBase(
  profile: Pick<AppProfile, 'flavor' | 'graphUrl' | 'graphVersion'>,
): string {
  return profile.flavor === 'facebook'
    ? below(profile.graphUrl, profile.graphVersion)
    : profile.graphUrl;
}
