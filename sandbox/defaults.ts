/** Default identity, users and lifetimes of the local Instagram sandbox (see sandbox/README.md). */

/** Instagram App ID the sandbox accepts unless configured otherwise. */
export const SANDBOX_CLIENT_ID = '990001234567890';

/** Instagram App secret the sandbox accepts unless configured otherwise. Not a real secret. */
export const SANDBOX_CLIENT_SECRET = 'sandbox-app-secret-7f3a9c2e51d84b06';

/** Registered redirect URIs: the extension's fixed Chrome id. */
export const SANDBOX_REDIRECT_URIS: readonly string[] = [
  'https://blocadghaajijcfckkjphjkhmmlcniff.chromiumapp.org/',
];

/** Port of `npm run sandbox` when SANDBOX_PORT is not set. */
export const SANDBOX_DEFAULT_PORT = 8788;

/** Host of `npm run sandbox` when SANDBOX_HOST is not set. */
export const SANDBOX_DEFAULT_HOST = '127.0.0.1';

/** A seeded Instagram professional account. */
export interface SandboxUser {
  /** Instagram professional account id; above 2^53 on purpose. */
  readonly user_id: string;
  /**
   * App-scoped id, deliberately different from `user_id`: `/me.id` and the code exchange's
   * `user_id` (docs/instagram-contract.md §5.3); above 2^53 as well.
   */
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly account_type: 'MEDIA_CREATOR' | 'BUSINESS';
  readonly followers_count: number;
  readonly follows_count: number;
  readonly media_count: number;
}

/** The two accounts shown on the consent page; the first one is preselected. */
export const SANDBOX_USERS: readonly [SandboxUser, SandboxUser] = [
  {
    user_id: '27640875392278831',
    id: '9130000000000001',
    username: 'sandbox.creator',
    name: 'Sandbox Creator',
    account_type: 'MEDIA_CREATOR',
    followers_count: 1204,
    follows_count: 311,
    media_count: 87,
  },
  {
    user_id: '17841405793187218',
    id: '9130000000000002',
    username: 'sandbox.business',
    name: 'Sandbox Business',
    account_type: 'BUSINESS',
    followers_count: 56020,
    follows_count: 12,
    media_count: 402,
  },
];

/** Lifetime of an authorization code: "valid for 1 hour and can only be used once". */
export const CODE_TTL_SECONDS = 3600;

/** Lifetime of a short-lived token. */
export const SHORT_LIVED_TTL_SECONDS = 3600;

/** Lifetime of a long-lived token: 60 days. */
export const LONG_LIVED_TTL_SECONDS = 5_184_000;

/** A long-lived token can be refreshed only once it is this old. */
export const REFRESH_MIN_AGE_SECONDS = 86_400;

/** How long a `timeout` fault holds a response when the client never gives up. */
export const HOLD_TIMEOUT_MS = 120_000;

/** Facebook App ID of the sandbox's Facebook Login app (not the Instagram app id above). */
export const SANDBOX_FB_APP_ID = '480001234567890';

/** Facebook app secret the sandbox accepts. Not a real secret. */
export const SANDBOX_FB_APP_SECRET = 'sandbox-fb-app-secret-2b9d41c7e08f5a36';

/** The app's name, as `debug_token` reports it in `application`. */
export const SANDBOX_FB_APP_NAME = 'Token Tool Sandbox';

/** The Graph API version the sandbox's own links use; every `v<digits>.<digits>` is served. */
export const SANDBOX_FB_GRAPH_VERSION = 'v25.0';

/** A seeded Facebook Page; `instagramUserId` links it to a seeded Instagram account. */
export interface SandboxPage {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  /** `user_id` of the seeded Instagram professional account linked to the Page, if any. */
  readonly instagramUserId?: string;
}

/** A seeded Facebook user, with the Pages they manage. */
export interface SandboxFacebookUser {
  /** App-scoped Facebook user id; above 2^53 like real ones. */
  readonly id: string;
  readonly name: string;
  readonly pages: readonly SandboxPage[];
}

/**
 * The Facebook users of the consent page, the first preselected: one who manages two Pages (one
 * linked to `sandbox.business`, one without an Instagram account), and one with no Page at all,
 * who therefore has no Instagram account to reach.
 */
export const SANDBOX_FB_USERS: readonly [SandboxFacebookUser, SandboxFacebookUser] = [
  {
    id: '10158000000000001',
    name: 'Sandbox Page Owner',
    pages: [
      {
        id: '104000000000001',
        name: 'Sandbox Business Page',
        category: 'Brand',
        instagramUserId: SANDBOX_USERS[1].user_id,
      },
      { id: '104000000000002', name: 'Sandbox Side Page', category: 'Community' },
    ],
  },
  { id: '10158000000000002', name: 'Sandbox No Pages', pages: [] },
];

/** Lifetime of a Facebook authorization code: about ten minutes (unconfirmed, §9.2). */
export const FB_CODE_TTL_SECONDS = 600;

/** Lifetime of a short-lived Facebook user token: about two hours. */
export const FB_SHORT_LIVED_TTL_SECONDS = 7200;

/** How long after a login the app may read the user's data: 90 days. */
export const FB_DATA_ACCESS_TTL_SECONDS = 7_776_000;
