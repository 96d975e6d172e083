/**
 * Keeps a page's copy of the background state current: it loads once, then reloads whenever
 * storage changes (a refresh finishing, a lock, another window connecting an account).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PopupState } from '@/utils/background/read-app-state';
import type { ErrorPayload } from '@/utils/errors';
import { errorPayloadOf, sendRequest } from './send-request';

/** The state as a page holds it. */
export type LoadedState =
  | { phase: 'loading' }
  | { phase: 'ready'; state: PopupState }
  | { phase: 'failed'; error: ErrorPayload };

/** Loads the app state and follows storage changes; `reload` forces a fresh read. */
export function useAppState(): { loaded: LoadedState; reload: () => Promise<void> } {
  const [loaded, setLoaded] = useState<LoadedState>({ phase: 'loading' });

  const reload = useCallback(async () => {
    try {
      setLoaded({ phase: 'ready', state: await sendRequest({ type: 'getState' }) });
    } catch (error) {
      setLoaded({ phase: 'failed', error: errorPayloadOf(error) });
    }
  }, []);

  useEffect(() => {
    const onChanged = () => void reload();
    browser.storage.onChanged.addListener(onChanged);
    void reload();
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [reload]);

  return { loaded, reload };
}
