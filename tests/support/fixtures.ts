/** Test data shared by the extension's unit and component tests. */
import { HEALTHY } from '@/utils/vault/account-record';
import { createDefaultSettings, type AppProfile } from '@/utils/settings/settings';
import { lifecyclePolicy } from '@/utils/upkeep/lifecycle-policy';
import type { LifecycleState } from '@/utils/upkeep/lifecycle-state';
import type { AccountSummary } from '@/utils/vault/account-store';

/** A token-shaped string (`IGAA` + 176 characters) that differs by seed. */
export function fakeToken(seed: string): string {
  return `IGAA${seed.repeat(Math.ceil(176 / seed.length)).slice(0, 176)}`;
}

/** A freshly connected 60-day account, as of the current (possibly faked) time. */
export function makeAccount(overrides: Partial<AccountSummary> = {}): AccountSummary {
  const now = Date.now();
  return {
    id: '27640875392278831',
    username: 'sandbox.creator',
    accountType: 'MEDIA_CREATOR',
    profileId: 'default',
    scopes: ['instagram_business_basic'],
    tokenKind: 'instagram_login',
    connectedAt: now,
    issuedAt: now,
    expiresAt: now + 60 * 86_400_000,
    lastRefreshedAt: null,
    lastCheckedAt: null,
    events: [],
    dataAccessExpiresAt: null,
    ...HEALTHY,
    ...overrides,
  };
}

/** A lifecycle state with default settings and no accounts, as of the current (faked) time. */
export function makeLifecycleState(overrides: Partial<LifecycleState> = {}): LifecycleState {
  const settings = createDefaultSettings();
  return {
    accounts: [],
    policy: lifecyclePolicy(settings),
    locked: false,
    vault: null,
    vaultError: null,
    settings,
    settingsReadable: true,
    now: Date.now(),
    ...overrides,
  };
}

/** The sandbox's Facebook App ID, which the Facebook Login tests use. */
export const FACEBOOK_APP_ID = '480001234567890';

/** A token-shaped Facebook Login token (`EAA` + 150 characters) that differs by seed. */
export function fakeFacebookToken(seed: string): string {
  return `EAA${seed.repeat(Math.ceil(150 / seed.length)).slice(0, 150)}`;
}

/** A ready Facebook Login profile whose proxy and sandbox are on 127.0.0.1. */
export function makeFacebookProfile(overrides: Partial<AppProfile> = {}): AppProfile {
  return {
    id: 'facebook',
    name: 'Facebook app',
    flavor: 'facebook',
    clientId: FACEBOOK_APP_ID,
    scopes: ['instagram_basic', 'pages_show_list'],
    proxyUrl: 'http://127.0.0.1:8787',
    authorizeUrl: 'http://127.0.0.1:8788/facebook',
    graphUrl: 'http://127.0.0.1:8788/facebook',
    graphVersion: 'v25.0',
    ...overrides,
  };
}
