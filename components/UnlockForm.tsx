import { useState } from 'preact/hooks';
import type { ErrorPayload } from '@/utils/errors';
import { errorPayloadOf } from '@/utils/send-request';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link UnlockForm}. */
export interface UnlockFormProps {
  onUnlock: (passphrase: string) => Promise<void>;
}

/** The passphrase form shown while the vault is locked. */
export function UnlockForm({ onUnlock }: UnlockFormProps) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onUnlock(passphrase);
    } catch (caught) {
      setError(errorPayloadOf(caught));
      setPassphrase('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack" onSubmit={(event) => void submit(event)}>
      <h2>Locked</h2>
      <p>Your tokens are locked. Enter your passphrase to use them.</p>
      <label class="field">
        <span>Passphrase</span>
        <input
          type="password"
          autoComplete="current-password"
          required
          value={passphrase}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
        />
      </label>
      {error && <ErrorNotice error={error} />}
      <button type="submit" class="button button--primary" disabled={busy || passphrase === ''}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}
