import { useState } from 'preact/hooks';
import { useAction } from '@/utils/page/use-action';
import { ErrorNotice } from './ErrorNotice';

/** An imported account. */
export interface Imported {
  accountId: string;
  username: string;
  /** Known for a Facebook Login token (`debug_token` says it); unknown for Instagram's. */
  expiresAt: number | null;
}

/** Props of {@link ImportTokenForm}. */
export interface ImportTokenFormProps {
  /** Validates and stores a token. */
  onImport: (token: string) => Promise<Imported>;
  /** Refreshes the imported token, to learn its expiry; resolves with what happened. */
  onRefresh: (accountId: string) => Promise<string>;
}

/** Paste a token you already have; it is checked with Instagram before anything is stored. */
export function ImportTokenForm({ onImport, onRefresh }: ImportTokenFormProps) {
  const [token, setToken] = useState('');
  const [imported, setImported] = useState<Imported | null>(null);
  const { busy, error, note, run } = useAction();

  const submit = (event: Event) => {
    event.preventDefault();
    setImported(null);
    void run(async () => {
      setImported(await onImport(token));
      setToken('');
    });
  };

  return (
    <form class="stack" onSubmit={submit}>
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
      {imported && (
        <div class="stack" role="status">
          {imported.expiresAt !== null ? (
            <p>Imported @{imported.username}.</p>
          ) : (
            <>
              <p>Imported @{imported.username}. Its expiry is unknown until the first refresh.</p>
              {note ? (
                <p>{note}</p>
              ) : (
                <button
                  type="button"
                  class="button"
                  disabled={busy}
                  onClick={() => void run(() => onRefresh(imported.accountId))}
                >
                  Refresh it now
                </button>
              )}
            </>
          )}
        </div>
      )}
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
