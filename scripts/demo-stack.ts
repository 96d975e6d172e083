/**
 * The Instagram sandbox and the exchange proxy in front of it, both on loopback in this process,
 * as `npm start` and `npm run bench` run them.
 */
import { ConfigError } from '../proxy/errors';
import { loadConfig, type ConfigEnv, type ProxyConfig } from '../proxy/config';
import { startProxy, type RunningProxy, type StartProxyOptions } from '../proxy/server';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_FB_APP_ID,
  SANDBOX_FB_APP_SECRET,
  SANDBOX_FB_GRAPH_VERSION,
  SANDBOX_REDIRECT_URIS,
} from '../sandbox/defaults';
import { startSandbox, type RunningSandbox } from '../sandbox/server';
import { EXTENSION_ORIGIN } from './extension-id';
import { FIREFOX_ORIGINS, FIREFOX_REDIRECT_URI } from './firefox-extension-id';
import { StartError } from './start-error';

/** Where the demo listens. Only loopback: the sandbox and proxy are for this machine alone. */
const DEMO_HOST = '127.0.0.1';

/** Extension origins the demo proxy answers: the pinned Chrome id and any Firefox install. */
export const DEMO_ALLOWED_ORIGINS = `${EXTENSION_ORIGIN},${FIREFOX_ORIGINS}`;

/**
 * Redirect URIs the demo sandbox and proxy accept: Chrome's and Firefox's. Both are fixed by the
 * extension's ids, so one stack serves either browser, the demo and the tests alike.
 */
export const DEMO_REDIRECT_URIS: readonly string[] = [
  ...SANDBOX_REDIRECT_URIS,
  FIREFOX_REDIRECT_URI,
];

/** What the extension needs to log in with Facebook against the demo's sandbox. */
export interface DemoFacebookSettings {
  /** The sandbox's Facebook App ID (its secret stays with the proxy). */
  readonly appId: string;
  /** Where the dialog lives: `${dialogBase}/${graphVersion}/dialog/oauth` (real: www.facebook.com). */
  readonly dialogBase: string;
  /** `FB_GRAPH_BASE` (real: https://graph.facebook.com). */
  readonly graphBase: string;
  /** `FB_GRAPH_VERSION`, e.g. `v25.0`. */
  readonly graphVersion: string;
}

/**
 * The Facebook Login settings of a sandbox at `sandboxUrl`: the sandbox serves the dialog and the
 * Graph endpoints under `/facebook`, so both bases are the same there.
 */
export function demoFacebookSettings(sandboxUrl: string): DemoFacebookSettings {
  return {
    appId: SANDBOX_FB_APP_ID,
    dialogBase: `${sandboxUrl}/facebook`,
    graphBase: `${sandboxUrl}/facebook`,
    graphVersion: SANDBOX_FB_GRAPH_VERSION,
  };
}

/** Where to listen and how to tune the proxy. */
export interface DemoStackOptions {
  /** Sandbox port; 0 picks a free one. */
  readonly sandboxPort: number;
  /** Proxy variables on top of the demo's own, e.g. `PROXY_PORT` (validated by `loadConfig`). */
  readonly proxyEnv?: ConfigEnv;
  /** Proxy seams, e.g. a silent request log. */
  readonly proxyOptions?: StartProxyOptions;
}

/** The running sandbox and proxy. */
export interface DemoStack {
  readonly sandbox: RunningSandbox;
  readonly proxy: RunningProxy;
  /** Stops the proxy, then the sandbox. */
  close(): Promise<void>;
}

/**
 * Validates the proxy configuration for a sandbox at `sandboxUrl` through the same `loadConfig`
 * as production, with the sandbox's Instagram and Facebook Login apps and the demo's redirect URIs
 * (which the Facebook app takes from `IG_REDIRECT_URIS`).
 * @throws {StartError} `invalid_env` naming the variable at fault.
 */
export function demoProxyConfig(sandboxUrl: string, proxyEnv: ConfigEnv = {}): ProxyConfig {
  try {
    return loadConfig({
      PROXY_HOST: DEMO_HOST,
      IG_CLIENT_ID: SANDBOX_CLIENT_ID,
      IG_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
      IG_REDIRECT_URIS: DEMO_REDIRECT_URIS.join(','),
      PROXY_ALLOWED_ORIGINS: DEMO_ALLOWED_ORIGINS,
      IG_OAUTH_BASE: sandboxUrl,
      IG_GRAPH_BASE: sandboxUrl,
      FB_APP_ID: SANDBOX_FB_APP_ID,
      FB_APP_SECRET: SANDBOX_FB_APP_SECRET,
      FB_GRAPH_BASE: demoFacebookSettings(sandboxUrl).graphBase,
      FB_GRAPH_VERSION: SANDBOX_FB_GRAPH_VERSION,
      ...proxyEnv,
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new StartError('invalid_env', error.message, { cause: error });
    }
    throw error;
  }
}

/**
 * Starts the sandbox, then the proxy pointed at it.
 * @throws {StartError} `port_in_use` naming the variable to change, or `invalid_env`.
 */
export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  const sandbox = await listening('SANDBOX_PORT', options.sandboxPort, () =>
    // Given at start, not through the control API, so that every reset keeps them.
    startSandbox({ port: options.sandboxPort, host: DEMO_HOST, redirectUris: DEMO_REDIRECT_URIS }),
  );
  try {
    const config = demoProxyConfig(sandbox.url, options.proxyEnv);
    const proxy = await listening('PROXY_PORT', config.port, () =>
      startProxy(config, options.proxyOptions),
    );
    return {
      sandbox,
      proxy,
      close: async () => {
        await proxy.close();
        await sandbox.close();
      },
    };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}

/** Runs `start`, turning a busy port into one line that says which variable to change. */
async function listening<T>(variable: string, port: number, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    const example = `${variable}=${port + 10} npm start`;
    throw new StartError(
      'port_in_use',
      `Port ${port} on ${DEMO_HOST} is already in use: ` +
        `set ${variable} to a free port (0 picks one), e.g. ${example}`,
      { cause: error },
    );
  }
}

function isAddressInUse(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'code' in error && error.code === 'EADDRINUSE'
  );
}
