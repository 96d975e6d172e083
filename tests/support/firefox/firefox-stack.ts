/**
 * The Chromium suite's sandbox and proxy, made to accept Firefox's redirect URI too. The proxy's
 * list comes from `demoProxyConfig` (Chrome's and Firefox's URIs, and `moz-extension://*`); the
 * sandbox's is set through its control API after every reset, whichever way the stack started it.
 */
import { DEMO_REDIRECT_URIS } from '../../../scripts/demo-stack';
import { startTestStack, type TestStack } from '../browser/stack';

/** The stack, and a reset that keeps Firefox's redirect URI registered. */
export interface FirefoxStack extends TestStack {
  /** Back to the sandbox's defaults, with the demo's redirect URIs still registered. */
  resetSandbox(): Promise<void>;
}

/** Starts the sandbox and the proxy on free loopback ports. */
export async function startFirefoxStack(): Promise<FirefoxStack> {
  const stack = await startTestStack();
  const resetSandbox = async () => {
    await stack.control.reset();
    await stack.control.configure({ redirectUris: [...DEMO_REDIRECT_URIS] });
  };
  try {
    await resetSandbox();
  } catch (error) {
    await stack.stack.close();
    throw error;
  }
  return { ...stack, resetSandbox };
}
