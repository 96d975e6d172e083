/**
 * The sandbox and the real proxy on free loopback ports, started as `npm start` starts them, with
 * the proxy's request log captured so that a test can tell whether the extension called it. Every
 * secret the two produce or hold (codes, tokens, PKCE verifiers, the app secret) and every log
 * line goes to the leak journal.
 */
import { createSandboxControl, type SandboxControl } from '../../../sandbox/control-client';
import { listenForSecrets } from '../../../sandbox/secret-listener';
import {
  demoFacebookSettings,
  demoProxyConfig,
  startDemoStack,
  type DemoFacebookSettings,
  type DemoStack,
} from '../../../scripts/demo-stack';
import { recordSecret, writeJournal } from './leak-journal';

/** A running stack plus what the tests read from it. */
export interface TestStack {
  stack: DemoStack;
  control: SandboxControl;
  sandboxUrl: string;
  proxyUrl: string;
  /**
   * The Facebook Login app the proxy serves against the sandbox: its App ID, the dialog base
   * (`${dialogBase}/${graphVersion}/dialog/oauth`), the Graph base and version.
   */
  facebook: DemoFacebookSettings;
  /** Every proxy log line so far, one JSON object per request. */
  proxyLog: string[];
  /** How many requests reached `path` on the proxy. */
  proxyCalls(path: string): number;
}

/** Starts a sandbox and a proxy on free ports. */
export async function startTestStack(): Promise<TestStack> {
  const proxyLog: string[] = [];
  const stopListening = listenForSecrets(recordSecret);
  const proxyEnv = { PROXY_PORT: '0' };
  const stack = await startDemoStack({
    sandboxPort: 0,
    proxyEnv,
    proxyOptions: {
      log: (line) => {
        proxyLog.push(line);
        writeJournal({ type: 'log', source: 'proxy request log', text: line });
      },
    },
  }).catch((error: unknown) => {
    stopListening();
    throw error;
  });
  // The same configuration the stack's proxy was started with: its app secrets.
  for (const app of demoProxyConfig(stack.sandbox.url, proxyEnv).apps) {
    recordSecret('app_secret', app.clientSecret);
  }
  return {
    stack: {
      ...stack,
      close: async () => {
        await stack.close();
        stopListening();
      },
    },
    control: createSandboxControl(stack.sandbox.url),
    sandboxUrl: stack.sandbox.url,
    proxyUrl: stack.proxy.url,
    facebook: demoFacebookSettings(stack.sandbox.url),
    proxyLog,
    proxyCalls: (path) => proxyLog.filter((line) => line.includes(`"path":"${path}"`)).length,
  };
}
