import { useState } from 'preact/hooks';
import { useAction } from '@/utils/page/use-action';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link UnlockForm}. */
export interface UnlockFormProps {
  onUnlock: (passphrase: string) => Promise<void>;
}

/** The passphrase form shown while the vault is locked. */
export function UnlockForm({ onUnlock }: UnlockFormProps) {
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    await run(() =>
      onUnlock(passphrase).catch((caught: unknown) => {
        // A wrong passphrase is not left in the field for the next try.
        setPassphrase('');
        throw caught;
      }),
    );
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
