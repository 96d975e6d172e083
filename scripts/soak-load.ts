/**
 * The load phase of `npm run soak`: concurrent clients doing what the extension does, each full
 * round trip with a fresh authorization code from the sandbox, plus `/healthz` and setup checks,
 * while the sandbox fails some long-lived exchanges on purpose. Any answer other than a
 * well-formed 200 is unexpected.
 */
import { Agent } from 'node:http';
import {
  EXCHANGE_CLIENT_TIMEOUT_MS,
  EXCHANGE_PATH,
  ExchangeResponseSchema,
  HEALTH_PATH,
  SETUP_CHECK_PATH,
  SetupCheckResponseSchema,
} from '../shared/exchange-contract';
import { createSandboxControl } from '../sandbox/control-client';
import { SANDBOX_CLIENT_ID } from '../sandbox/defaults';
import { REDIRECT_URI } from '../tests/support/sandbox-stack';
import { TEST_ORIGIN } from '../tests/support/proxy-test-config';
import { send, type SoakResponse } from './soak-http';
import { percentile } from './soak-stats';

/** What each client does in turn: mostly exchanges, as real traffic would be. */
const CYCLE = [
  'exchange',
  'exchange',
  'healthz',
  'exchange',
  'exchange',
  'setupCheck',
  'exchange',
  'exchange',
  'exchange',
  'exchange',
] as const;
type RequestKind = (typeof CYCLE)[number];
/** How often the sandbox is told to fail the next long-lived exchanges, and how many. */
const FAULT_EVERY_MS = 1_000;
const FAULTS_PER_ARMING = 3;
const FAULT_MODES = ['unsupported_get', 'server_error'] as const;
const QUICK_TIMEOUT_MS = 10_000;
/**
 * Idle connections are closed by the client before the servers' 5 s keep-alive timeout closes
 * them: a request sent on a connection the server is closing at that moment fails with
 * ECONNRESET, which says nothing about the proxy (browsers avoid it the same way).
 */
const KEEP_ALIVE = { keepAlive: true, timeout: 4_000 } as const;
const MAX_SAMPLES = 10;

/** Where the load goes and how much of it. */
export interface LoadOptions {
  readonly proxyUrl: string;
  readonly sandboxUrl: string;
  readonly clients: number;
  readonly seconds: number;
}

/** What the load phase saw. */
export interface LoadResult {
  readonly requests: Readonly<Record<RequestKind, number>>;
  readonly longLived: number;
  readonly shortLived: number;
  readonly unexpected: number;
  /** The first few unexpected answers, described. */
  readonly samples: readonly string[];
  /** Every authorization code sent, to be looked for where it must not be. */
  readonly codes: readonly string[];
  /** Every answer, with the token it rightly carries cut out. */
  readonly bodies: readonly string[];
  readonly faultsArmed: number;
  readonly exchangeMs: { readonly p50?: number; readonly p99?: number; readonly max?: number };
}

/** Runs the load for `options.seconds` and resolves once every client has finished. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const proxyAgent = new Agent({ ...KEEP_ALIVE, maxSockets: options.clients });
  const sandboxAgent = new Agent({ ...KEEP_ALIVE, maxSockets: options.clients });
  const control = createSandboxControl(options.sandboxUrl);
  await control.setConsent('allow');
  const requests: Record<RequestKind, number> = { exchange: 0, healthz: 0, setupCheck: 0 };
  const codes: string[] = [];
  const bodies: string[] = [];
  const samples: string[] = [];
  const exchangeMs: number[] = [];
  let longLived = 0;
  let shortLived = 0;
  let unexpected = 0;
  const fail = (what: string, response: SoakResponse) => {
    unexpected += 1;
    if (samples.length < MAX_SAMPLES) {
      samples.push(
        `${what}: ${response.status ?? response.error ?? 'no answer'} ${response.body.slice(0, 200)}`,
      );
    }
  };

  const authorize = async (): Promise<string | undefined> => {
    const query = new URLSearchParams({
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'instagram_business_basic',
      state: 'soak',
    });
    const response = await send(sandboxAgent, {
      method: 'GET',
      url: `${options.sandboxUrl}/oauth/authorize?${query.toString()}`,
      timeoutMs: QUICK_TIMEOUT_MS,
    });
    const location = response.headers.location;
    const code = typeof location === 'string' ? new URL(location).searchParams.get('code') : null;
    if (response.status !== 302 || code === null) {
      fail('sandbox authorize', response);
      return undefined;
    }
    return code;
  };

  const exchange = async (client: number) => {
    const code = await authorize();
    if (code === undefined) return;
    codes.push(code);
    const response = await send(proxyAgent, {
      method: 'POST',
      url: `${options.proxyUrl}${EXCHANGE_PATH}`,
      headers: {
        'Content-Type': 'application/json',
        ...(client % 2 === 0 ? { Origin: TEST_ORIGIN } : {}),
      },
      body: JSON.stringify({ code: `${code}#_`, redirect_uri: REDIRECT_URI }),
      timeoutMs: EXCHANGE_CLIENT_TIMEOUT_MS,
    });
    requests.exchange += 1;
    exchangeMs.push(response.ms);
    const parsed = ExchangeResponseSchema.safeParse(parseJson(response.body));
    if (response.status !== 200 || !parsed.success) return fail('exchange', response);
    if (parsed.data.long_lived) longLived += 1;
    else shortLived += 1;
    bodies.push(response.body.replace(parsed.data.access_token, ''));
  };

  const healthz = async () => {
    const response = await send(proxyAgent, {
      method: 'GET',
      url: `${options.proxyUrl}${HEALTH_PATH}`,
      timeoutMs: QUICK_TIMEOUT_MS,
    });
    requests.healthz += 1;
    bodies.push(response.body);
    if (response.status !== 200 || response.body !== '{"ok":true}') fail('healthz', response);
  };

  const setupCheck = async () => {
    const response = await send(proxyAgent, {
      method: 'POST',
      url: `${options.proxyUrl}${SETUP_CHECK_PATH}`,
      headers: { 'Content-Type': 'application/json', Origin: TEST_ORIGIN },
      body: JSON.stringify({ client_id: SANDBOX_CLIENT_ID, redirect_uri: REDIRECT_URI }),
      timeoutMs: QUICK_TIMEOUT_MS,
    });
    requests.setupCheck += 1;
    bodies.push(response.body);
    const parsed = SetupCheckResponseSchema.safeParse(parseJson(response.body));
    const allTrue =
      parsed.success &&
      parsed.data.client_id_known &&
      parsed.data.redirect_uri_allowed &&
      parsed.data.origin_allowed;
    if (response.status !== 200 || !allTrue) fail('setup-check', response);
  };

  let faultsArmed = 0;
  let arming = 0;
  const faults = setInterval(() => {
    const mode = FAULT_MODES[arming++ % FAULT_MODES.length] ?? 'server_error';
    control.failNext('access_token', mode, FAULTS_PER_ARMING).then(
      () => (faultsArmed += FAULTS_PER_ARMING),
      () => undefined,
    );
  }, FAULT_EVERY_MS);

  const deadline = performance.now() + options.seconds * 1000;
  const client = async (index: number) => {
    for (let turn = index; performance.now() < deadline; turn += 1) {
      const kind = CYCLE[turn % CYCLE.length] ?? 'exchange';
      if (kind === 'exchange') await exchange(index);
      else if (kind === 'healthz') await healthz();
      else await setupCheck();
    }
  };
  try {
    await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
  } finally {
    clearInterval(faults);
    proxyAgent.destroy();
    sandboxAgent.destroy();
  }
  return {
    requests,
    longLived,
    shortLived,
    unexpected,
    samples,
    codes,
    bodies,
    faultsArmed,
    exchangeMs: {
      p50: percentile(exchangeMs, 50),
      p99: percentile(exchangeMs, 99),
      max: percentile(exchangeMs, 100),
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
