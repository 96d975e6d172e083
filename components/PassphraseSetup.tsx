import { useState } from 'preact/hooks';
import { useAction } from '@/utils/page/use-action';
import { ErrorNotice } from './ErrorNotice';
import {
  EMPTY_NEW_PASSPHRASE,
  NewPassphraseFields,
  passphraseMismatch,
} from './NewPassphraseFields';

/** Props of {@link PassphraseSetup}. */
export interface PassphraseSetupProps {
  enable: (passphrase: string) => Promise<void>;
}

/** Device mode: explains what the device key protects, and turns the passphrase lock on. */
export function PassphraseSetup({ enable }: PassphraseSetupProps) {
  const [passphrase, setPassphrase] = useState(EMPTY_NEW_PASSPHRASE);
  const { error, note, run, fail } = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    const mismatch = passphraseMismatch(passphrase);
    if (mismatch) return fail(mismatch);
    void run(async () => {
      await enable(passphrase.next);
      setPassphrase(EMPTY_NEW_PASSPHRASE);
      return 'Passphrase lock is on.';
    });
  };
  return (
    <form class="stack" onSubmit={submit}>
      <p>
        Tokens are encrypted with a key kept by this browser profile. Add a passphrase so that a
        copy of the profile is useless without it.
      </p>
      <NewPassphraseFields value={passphrase} onChange={setPassphrase} />
      {error && <ErrorNotice error={error} />}
      {note && <p role="status">{note}</p>}
      <button type="submit" class="button button--primary">
        Turn on passphrase lock
      </button>
    </form>
  );
}
