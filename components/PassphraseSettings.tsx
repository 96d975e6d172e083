import { useState } from 'preact/hooks';
import type { ErrorPayload } from '@/utils/errors';
import type { VaultStatus } from '@/utils/vault/vault';
import { errorPayloadOf } from '@/utils/send-request';
import { ErrorNotice } from './ErrorNotice';
import { PassphraseField } from './PassphraseField';

/** Props of {@link PassphraseSettings}. */
export interface PassphraseSettingsProps {
  status: VaultStatus;
  enable: (passphrase: string) => Promise<void>;
  change: (current: string, next: string) => Promise<void>;
  remove: (current: string) => Promise<void>;
  lockNow: () => Promise<void>;
  setAutoLock: (minutes: number) => Promise<void>;
}

const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240, 1440];

const MISMATCH: ErrorPayload = {
  code: 'weak_passphrase',
  message: 'The two new passphrases differ.',
  hint: 'Type the same passphrase in both fields.',
};

function useAction() {
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState('');
  const run = async (action: () => Promise<void>, success: string) => {
    setError(null);
    setDone('');
    try {
      await action();
      setDone(success);
    } catch (caught) {
      setError(errorPayloadOf(caught));
    }
  };
  return { error, setError, done, run };
}

/** The options page's passphrase lock: turn it on, change it, turn it off, lock now, auto-lock. */
export function PassphraseSettings(props: PassphraseSettingsProps) {
  const { status } = props;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const { error, setError, done, run } = useAction();

  const clear = () => {
    setCurrent('');
    setNext('');
    setConfirm('');
  };
  const withNewPassphrase = (action: () => Promise<void>, success: string) => {
    if (next !== confirm) {
      setError(MISMATCH);
      return;
    }
    void run(async () => {
      await action();
      clear();
    }, success);
  };

  const newPassphraseFields = (
    <>
      <PassphraseField
        label="New passphrase"
        value={next}
        onInput={setNext}
        autoComplete="new-password"
      />
      <PassphraseField
        label="Confirm passphrase"
        value={confirm}
        onInput={setConfirm}
        autoComplete="new-password"
      />
    </>
  );

  if (status.protection === 'device') {
    return (
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          withNewPassphrase(() => props.enable(next), 'Passphrase lock is on.');
        }}
      >
        <p>
          Tokens are encrypted with a key kept by this browser profile. Add a passphrase so that a
          copy of the profile is useless without it.
        </p>
        {newPassphraseFields}
        {error && <ErrorNotice error={error} />}
        {done && <p role="status">{done}</p>}
        <button type="submit" class="button button--primary">
          Turn on passphrase lock
        </button>
      </form>
    );
  }

  return (
    <div class="stack">
      <p>
        Passphrase lock is on. The vault is <strong>{status.locked ? 'locked' : 'unlocked'}</strong>
        .
      </p>
      <div class="row">
        <button
          type="button"
          class="button"
          disabled={status.locked}
          onClick={() => void run(props.lockNow, 'Locked.')}
        >
          Lock now
        </button>
        <label class="field field--inline">
          <span>Lock after idle</span>
          <select
            value={status.autoLockMinutes}
            onChange={(event) => {
              const minutes = Number(event.currentTarget.value);
              void run(() => props.setAutoLock(minutes), 'Auto-lock updated.');
            }}
          >
            {AUTO_LOCK_CHOICES.map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes < 60 ? `${minutes} min` : `${minutes / 60} h`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          withNewPassphrase(() => props.change(current, next), 'Passphrase changed.');
        }}
      >
        <h3>Change passphrase</h3>
        <PassphraseField
          label="Current passphrase"
          value={current}
          onInput={setCurrent}
          autoComplete="current-password"
        />
        {newPassphraseFields}
        <div class="row">
          <button type="submit" class="button button--primary">
            Change passphrase
          </button>
          <button
            type="button"
            class="button"
            disabled={current === ''}
            onClick={() =>
              void run(async () => {
                await props.remove(current);
                clear();
              }, 'Passphrase lock is off.')
            }
          >
            Turn off passphrase lock
          </button>
        </div>
      </form>
      {error && <ErrorNotice error={error} />}
      {done && <p role="status">{done}</p>}
    </div>
  );
}
