/**
 * Keeps a page's copy of something the background knows current: it asks once, then asks again
 * whenever storage changes (a refresh finishing, a lock, another window connecting an account).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ErrorPayload } from '@/utils/errors';
import type { Request, RequestType, ResponseMap } from '@/utils/messages';
import { errorPayloadOf, sendRequest } from './send-request';

/** A reply as a page holds it. */
export type Loaded<T> =
  { phase: 'loading' } | { phase: 'ready'; state: T } | { phase: 'failed'; error: ErrorPayload };

/** Sends `request` now and after every storage change; `reload` asks again at once. */
export function useLiveRequest<K extends RequestType>(
  request: Extract<Request, { type: K }>,
): { loaded: Loaded<ResponseMap[K]>; reload: () => Promise<void> } {
  const [loaded, setLoaded] = useState<Loaded<ResponseMap[K]>>({ phase: 'loading' });
  // Each caller sends one constant request, so its type is enough to tell when to ask anew.
  const type = request.type;
  const reload = useCallback(async () => {
    try {
      setLoaded({ phase: 'ready', state: await sendRequest(request) });
    } catch (error) {
      setLoaded({ phase: 'failed', error: errorPayloadOf(error) });
    }
  }, [type]);

  useEffect(() => {
    const onChanged = () => void reload();
    browser.storage.onChanged.addListener(onChanged);
    void reload();
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [reload]);

  return { loaded, reload };
}
