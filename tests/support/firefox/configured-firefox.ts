/** The usual start of a Firefox test: sandbox and proxy up, extension installed and set up. */
import { afterAll, beforeAll } from 'vitest';
import { SANDBOX_CLIENT_ID } from '../../../sandbox/defaults';
import { configureThroughOptions } from './firefox-pages';
import { startFirefoxStack, type FirefoxStack } from './firefox-stack';
import { launchFirefoxExtension, SETUP_TIMEOUT_MS, type FirefoxExtension } from './launch-firefox';

/** A configured extension with its stack. */
export interface ConfiguredFirefox {
  stack: FirefoxStack;
  extension: FirefoxExtension;
}

/**
 * Starts the stack, installs the built extension in Firefox and fills in its settings through the
 * options page, before the file's tests; closes Firefox, then the servers, after them. The
 * result's properties are only valid inside tests.
 */
export function useConfiguredFirefox(): ConfiguredFirefox {
  let stack: FirefoxStack | undefined;
  let extension: FirefoxExtension | undefined;
  beforeAll(async () => {
    stack = await startFirefoxStack();
    extension = await launchFirefoxExtension();
    await configureThroughOptions(extension, {
      clientId: SANDBOX_CLIENT_ID,
      proxyUrl: stack.proxyUrl,
      sandboxUrl: stack.sandboxUrl,
    });
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await extension?.close();
    await stack?.stack.close();
  }, SETUP_TIMEOUT_MS);
  return {
    get stack() {
      if (!stack) throw new Error('The stack is only available inside tests.');
      return stack;
    },
    get extension() {
      if (!extension) throw new Error('Firefox is only available inside tests.');
      return extension;
    },
  };
}
