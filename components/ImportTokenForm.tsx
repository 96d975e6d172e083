import { useState } from 'preact/hooks';
import type { ErrorPayload } from '@/utils/errors';
import { errorPayloadOf } from '@/utils/send-request';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link ImportTokenForm}. */
export interface ImportTokenFormProps {
  /** Validates and stores a token; resolves with the account's username. */
  onImport: (token: string) => Promise<string>;
}

/** Paste a token you already have; it is checked with Instagram before anything is stored. */
export function ImportTokenForm({ onImport }: ImportTokenFormProps) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const username = await onImport(token);
      setToken('');
      setDone(
        `Imported @${username}. Its expiry is unknown until the first refresh: use "Refresh now" on its card.`,
      );
    } catch (caught) {
      setError(errorPayloadOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details>
      <summary>Import a token</summary>
      <form class="stack" onSubmit={(event) => void submit(event)}>
        <label class="field">
          <span>Token to import</span>
          <textarea
            rows={3}
            spellcheck={false}
            autoComplete="off"
            value={token}
            onInput={(event) => setToken(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button" disabled={busy || token.trim() === ''}>
          {busy ? 'Checking…' : 'Import'}
        </button>
        {done && <p role="status">{done}</p>}
        {error && <ErrorNotice error={error} />}
      </form>
    </details>
  );
}
