/** What one sandbox remembers for Facebook Login: its app, codes and tokens, sessions, consent. */
import { SANDBOX_FB_APP_ID, SANDBOX_FB_APP_SECRET, SANDBOX_FB_USERS } from './defaults';
import { createFacebookTokenStore, type FacebookTokenStore } from './facebook-token-store';
import { FACEBOOK_SESSION_COOKIE, createLoginSessions, type LoginSessions } from './login-sessions';
import type { SandboxClock } from './sandbox-clock';
import type { SandboxOptions } from './sandbox-config';

/** The Facebook Login app the sandbox checks requests against. */
export interface FacebookApp {
  readonly appId: string;
  readonly appSecret: string;
}

/** The Facebook half of the sandbox's state. */
export interface FacebookState {
  readonly app: FacebookApp;
  readonly tokens: FacebookTokenStore;
  readonly sessions: LoginSessions;
  /** What the dialog does, and which Facebook user `allow` logs in as when no session applies. */
  consent: { mode: 'ask' | 'allow' | 'deny'; userId: string };
  /** Forgets codes, tokens and sessions, and asks again as the first user. */
  reset(): void;
}

/** Creates the Facebook state of a sandbox. */
export function createFacebookState(options: SandboxOptions, clock: SandboxClock): FacebookState {
  const tokens = createFacebookTokenStore(clock);
  const sessions = createLoginSessions({ name: FACEBOOK_SESSION_COOKIE, path: '/facebook' });
  const state: FacebookState = {
    app: {
      appId: options.fbAppId ?? SANDBOX_FB_APP_ID,
      appSecret: options.fbAppSecret ?? SANDBOX_FB_APP_SECRET,
    },
    tokens,
    sessions,
    consent: { mode: 'ask', userId: SANDBOX_FB_USERS[0].id },
    reset() {
      tokens.clear();
      sessions.clear();
      state.consent = { mode: 'ask', userId: SANDBOX_FB_USERS[0].id };
    },
  };
  return state;
}
