import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../public/_locales/en/messages.json';

const MESSAGES = new Map(Object.entries(messages).map(([name, { message }]) => [name, message]));

/** The fake browser has no i18n; this serves the extension's own locale file, as a browser would. */
function serveLocale(): void {
  fakeBrowser.i18n.getMessage = (name: string, substitutions?: string | string[]) => {
    const values = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    // $1…$9 in a message are its substitutions, as browsers fill them in.
    return (MESSAGES.get(name) ?? '').replace(
      /\$([1-9])/g,
      (_, n: string) => values[Number(n) - 1] ?? '',
    );
  };
}

// Schemas word their messages when their module loads, before any test runs.
serveLocale();

beforeEach(() => {
  fakeBrowser.reset();
  serveLocale();
  // A fresh IndexedDB per test, so that no data key leaks from one test into the next.
  vi.stubGlobal('indexedDB', new IDBFactory());
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});
