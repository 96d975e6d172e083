/** The usual start of a browser test: sandbox and proxy up, extension loaded and set up. */
import { afterAll, beforeAll } from 'vitest';
import { SANDBOX_CLIENT_ID } from '../../../sandbox/defaults';
import { openClipboardReader, type ClipboardReader } from './clipboard';
import { configureThroughOptions } from './extension-pages';
import { launchExtension, type LaunchOptions, type LoadedExtension } from './launch-extension';
import { startTestStack, type TestStack } from './stack';

/** A configured extension with its stack. */
export interface ConfiguredExtension {
  stack: TestStack;
  extension: LoadedExtension;
  clipboard: ClipboardReader;
  close(): Promise<void>;
}

/**
 * Starts the stack, loads the built extension, fills in its settings through the options page,
 * and opens a clipboard reader.
 */
export async function launchConfiguredExtension(
  options: LaunchOptions = {},
): Promise<ConfiguredExtension> {
  const stack = await startTestStack();
  const extension = await launchExtension(options);
  await configureThroughOptions(extension, {
    clientId: SANDBOX_CLIENT_ID,
    proxyUrl: stack.proxyUrl,
    sandboxUrl: stack.sandboxUrl,
  });
  const clipboard = await openClipboardReader(extension.context);
  return {
    stack,
    extension,
    clipboard,
    async close() {
      await clipboard.close();
      await extension.close();
      await stack.stack.close();
    },
  };
}

/**
 * Launches a configured extension before the file's tests and closes it after them; `options` is
 * asked for just before the launch. The result's properties are only valid inside tests.
 */
export function useConfiguredExtension(
  options: () => LaunchOptions | Promise<LaunchOptions> = () => ({}),
): ConfiguredExtension {
  let harness: ConfiguredExtension | undefined;
  beforeAll(async () => {
    harness = await launchConfiguredExtension(await options());
  });
  afterAll(async () => {
    await harness?.close();
  });
  const started = (): ConfiguredExtension => {
    if (!harness) throw new Error('The extension is only available inside tests.');
    return harness;
  };
  return {
    get stack() {
      return started().stack;
    },
    get extension() {
      return started().extension;
    },
    get clipboard() {
      return started().clipboard;
    },
    close: () => started().close(),
  };
}
