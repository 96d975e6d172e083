/**
 * "Check setup": asks the profile's proxy what only it knows (is this Client ID's secret there,
 * is the redirect URI on its list, is this extension's origin allowed). Instagram's own side
 * cannot be checked without a login; the checklist on the page covers it.
 */
import type { Flavor } from '@/shared/exchange-contract';
import type { SetupCheckResponse } from '@/shared/exchange-contract';
import { toErrorPayload, type ErrorPayload } from '@/utils/errors';
import { requireReadyProfile } from '@/utils/settings/require-ready-profile';
import type { Settings } from '@/utils/settings/settings';
import { checkProxySetup } from './proxy-client';

/** What a setup check found; `proxy` is null when the proxy could not answer (see `error`). */
export interface SetupReport {
  profileName: string;
  flavor: Flavor;
  clientId: string;
  scopes: readonly string[];
  proxyUrl: string;
  redirectUri: string;
  proxy: SetupCheckResponse | null;
  error: ErrorPayload | null;
}

/** Checks the setup of the profile with `profileId` (or the active one) with its proxy. */
export async function checkSetup(
  settings: Settings,
  redirectUri: string,
  profileId?: string,
): Promise<SetupReport> {
  const profile = requireReadyProfile(settings, profileId);
  const report = {
    profileName: profile.name,
    flavor: profile.flavor,
    clientId: profile.clientId,
    scopes: profile.scopes,
    proxyUrl: profile.proxyUrl,
    redirectUri,
  };
  try {
    const proxy = await checkProxySetup(profile.proxyUrl, {
      client_id: profile.clientId,
      redirect_uri: redirectUri,
    });
    return { ...report, proxy, error: null };
  } catch (error) {
    return { ...report, proxy: null, error: toErrorPayload(error) };
  }
}
