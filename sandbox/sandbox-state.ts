/** Everything one sandbox instance remembers, and the reset that forgets it. */
import { createCallCounter, type CallCounter } from './call-counter';
import { createFaultPlan, type FaultPlan } from './fault-injection';
import { createHeldRequests, type HeldRequests } from './held-requests';
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

/** The mutable state shared by all routes of one sandbox. */
export interface SandboxState {
  readonly app: SandboxApp;
  readonly clock: SandboxClock;
  readonly tokens: TokenStore;
  readonly faults: FaultPlan;
  readonly calls: CallCounter;
  readonly held: HeldRequests;
  config: SandboxConfig;
  consent: ConsentMode;
  /** Back to defaults: no tokens or codes, counters 0, clock offset 0, consent 'ask'. */
  reset(): void;
}

/** Creates fresh state from the options. */
export function createSandboxState(options: SandboxOptions = {}): SandboxState {
  const clock = createSandboxClock(options.realNow);
  const tokens = createTokenStore(clock);
  const faults = createFaultPlan();
  const calls = createCallCounter();
  const state: SandboxState = {
    app: sandboxAppFrom(options),
    clock,
    tokens,
    faults,
    calls,
    held: createHeldRequests(),
    config: defaultConfig(options.redirectUris),
    consent: 'ask',
    reset() {
      state.config = defaultConfig(options.redirectUris);
      state.consent = 'ask';
      clock.reset();
      tokens.clear();
      faults.clear();
      calls.reset();
      state.held.releaseAll();
    },
  };
  return state;
}
