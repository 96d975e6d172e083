/**
 * The busy / error / done bookkeeping of a button that sends a request: one hook, so that every
 * component shows progress and failures the same way.
 */
import { useState } from 'preact/hooks';
import type { ErrorPayload } from '@/utils/errors';
import { errorPayloadOf } from './send-request';

/** What an action is doing, and the last thing it said. */
export interface ActionState {
  busy: boolean;
  error: ErrorPayload | null;
  /** What the last successful run said it did, or ''. */
  note: string;
  /**
   * Runs `action`; a string it resolves with becomes the note. Errors become `error` and are not
   * rethrown.
   */
  run: (action: () => Promise<string | void>) => Promise<void>;
  /** Shows an error found before any request was sent. */
  fail: (error: ErrorPayload) => void;
  /** Forgets the note and the error. */
  reset: () => void;
}

/** Tracks one action's busy flag, error and note. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [note, setNote] = useState('');
  const reset = () => {
    setError(null);
    setNote('');
  };
  return {
    busy,
    error,
    note,
    reset,
    fail: (payload) => {
      setNote('');
      setError(payload);
    },
    run: async (action) => {
      setBusy(true);
      reset();
      try {
        setNote((await action()) ?? '');
      } catch (caught) {
        setError(errorPayloadOf(caught));
      } finally {
        setBusy(false);
      }
    },
  };
}
