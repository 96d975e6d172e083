/** Everything one sandbox instance remembers, and the reset that forgets it. */
import { createCallCounter, type CallCounter } from './call-counter';
import { SANDBOX_USERS } from './defaults';
import { createFacebookState, type FacebookState } from './facebook-state';
import { createFaultPlan, type FaultPlan } from './fault-injection';
import { createHeldRequests, type HeldRequests } from './held-requests';
import { createLoginSessions, type LoginSessions } from './login-sessions';
import { createSandboxClock, type SandboxClock } from './sandbox-clock';
import {
  defaultConfig,
  sandboxAppFrom,
  type SandboxApp,
  type SandboxConfig,
  type SandboxOptions,
} from './sandbox-config';
import { createTokenStore, type TokenStore } from './token-store';

/** What `GET /oauth/authorize` does: show the page, or answer as if the user clicked. */
export type ConsentMode = 'ask' | 'allow' | 'deny';

/** The consent mode and the account `allow` logs in as when no session applies. */
export interface ConsentSetting {
  mode: ConsentMode;
  /** A seeded `user_id`. */
  userId: string;
}

/** The mutable state shared by all routes of one sandbox. */
export interface SandboxState {
  readonly app: SandboxApp;
  readonly clock: SandboxClock;
  readonly tokens: TokenStore;
  readonly faults: FaultPlan;
  readonly calls: CallCounter;
  readonly held: HeldRequests;
  readonly sessions: LoginSessions;
  /** Facebook Login: its app, tokens, sessions and consent. */
  readonly facebook: FacebookState;
  config: SandboxConfig;
  consent: ConsentSetting;
  /** Back to defaults: no tokens, codes or sessions, counters 0, clock offset 0, consent 'ask'. */
  reset(): void;
}

/** Consent after a reset: ask, and auto-allow as the first seeded user. */
export function defaultConsent(): ConsentSetting {
  return { mode: 'ask', userId: SANDBOX_USERS[0].user_id };
}

/** Creates fresh state from the options. */
export function createSandboxState(options: SandboxOptions = {}): SandboxState {
  const clock = createSandboxClock(options.realNow);
  const tokens = createTokenStore(clock);
  const faults = createFaultPlan();
  const calls = createCallCounter();
  const sessions = createLoginSessions();
  const facebook = createFacebookState(options, clock);
  const state: SandboxState = {
    app: sandboxAppFrom(options),
    clock,
    tokens,
    faults,
    calls,
    held: createHeldRequests(),
    sessions,
    facebook,
    config: defaultConfig(options.redirectUris),
    consent: defaultConsent(),
    reset() {
      state.config = defaultConfig(options.redirectUris);
      state.consent = defaultConsent();
      clock.reset();
      tokens.clear();
      faults.clear();
      calls.reset();
      sessions.clear();
      facebook.reset();
      state.held.releaseAll();
    },
  };
  return state;
}
