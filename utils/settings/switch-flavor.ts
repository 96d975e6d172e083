/**
 * Switching an app profile between Instagram Login and Facebook Login in the settings form: each
 * login has its own scopes and endpoints, so the profile takes the other login's defaults, except
 * for endpoints the user changed (a proxy of their own, a sandbox).
 */
import type { Flavor } from '@/shared/exchange-contract';
import { FACEBOOK_REQUIRED_SCOPES } from '@/shared/instagram-scopes';
import { BUILD_DEFAULTS, FACEBOOK_DEFAULTS } from './build-defaults';
import type { AppProfile } from './settings';

const ENDPOINT_DEFAULTS: Record<Flavor, Pick<AppProfile, 'authorizeUrl' | 'graphUrl'>> = {
  instagram: { authorizeUrl: BUILD_DEFAULTS.authorizeUrl, graphUrl: BUILD_DEFAULTS.graphUrl },
  facebook: FACEBOOK_DEFAULTS,
};

const SCOPE_DEFAULTS: Record<Flavor, AppProfile['scopes']> = {
  instagram: ['instagram_business_basic'],
  facebook: [...FACEBOOK_REQUIRED_SCOPES],
};

/** `profile` moved to `flavor`: least-privilege scopes, and the default endpoints it still had. */
export function switchFlavor(profile: AppProfile, flavor: Flavor): AppProfile {
  if (profile.flavor === flavor) return profile;
  const was = ENDPOINT_DEFAULTS[profile.flavor];
  const next = ENDPOINT_DEFAULTS[flavor];
  return {
    ...profile,
    flavor,
    scopes: SCOPE_DEFAULTS[flavor],
    authorizeUrl:
      profile.authorizeUrl === was.authorizeUrl ? next.authorizeUrl : profile.authorizeUrl,
    graphUrl: profile.graphUrl === was.graphUrl ? next.graphUrl : profile.graphUrl,
  };
}
