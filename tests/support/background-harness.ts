/** Pages under test talk to the real background handler, as they do in the browser. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type HandlerContext } from '@/utils/background/handle-message';

/** The extension as the fake browser names it, with a login window that never answers. */
export const TEST_CONTEXT: HandlerContext = {
  id: 'test-extension-id',
  baseUrl: 'chrome-extension://test-extension-id/',
  platform: {
    redirectUri: 'https://test-extension-id.chromiumapp.org/',
    launchWebAuthFlow: () => new Promise<string>(() => undefined),
  },
};

/**
 * Routes `runtime.sendMessage` from the page at `pagePath` to the background's own handler.
 * Call it in `beforeEach`: the fake browser is reset before each test.
 */
export function routeMessagesToBackground(
  pagePath = 'popup.html',
  context: HandlerContext = TEST_CONTEXT,
): void {
  const sender = { id: context.id, url: `${context.baseUrl}${pagePath}` };
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    handleMessage(message, sender, context),
  );
}
