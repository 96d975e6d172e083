import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../public/_locales/en/messages.json';

const MESSAGES = new Map(Object.entries(messages).map(([name, { message }]) => [name, message]));

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no i18n; serve the extension's own locale file, as a browser would.
  fakeBrowser.i18n.getMessage = (name: string) => MESSAGES.get(name) ?? '';
  // A fresh IndexedDB per test, so that no data key leaks from one test into the next.
  vi.stubGlobal('indexedDB', new IDBFactory());
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});
