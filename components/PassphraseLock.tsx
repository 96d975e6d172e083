import { useState } from 'preact/hooks';
import { useAction } from '@/utils/page/use-action';
import type { VaultStatus } from '@/utils/vault/vault';
import { ErrorNotice } from './ErrorNotice';
import {
  EMPTY_NEW_PASSPHRASE,
  NewPassphraseFields,
  passphraseMismatch,
} from './NewPassphraseFields';
import { PassphraseField } from './PassphraseField';

/** Props of {@link PassphraseLock}. */
export interface PassphraseLockProps {
  status: VaultStatus;
  change: (current: string, next: string) => Promise<void>;
  remove: (current: string) => Promise<void>;
  lockNow: () => Promise<void>;
  setAutoLock: (minutes: number) => Promise<void>;
}

const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240, 1440];

/** Passphrase mode: lock now, the auto-lock time, change the passphrase, or turn the lock off. */
export function PassphraseLock({
  status,
  change,
  remove,
  lockNow,
  setAutoLock,
}: PassphraseLockProps) {
  const [current, setCurrent] = useState('');
  const [passphrase, setPassphrase] = useState(EMPTY_NEW_PASSPHRASE);
  const { error, note, run, fail } = useAction();
  const clear = () => {
    setCurrent('');
    setPassphrase(EMPTY_NEW_PASSPHRASE);
  };
  const submitChange = (event: Event) => {
    event.preventDefault();
    const mismatch = passphraseMismatch(passphrase);
    if (mismatch) return fail(mismatch);
    void run(async () => {
      await change(current, passphrase.next);
      clear();
      return 'Passphrase changed.';
    });
  };
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
          onClick={() => void run(() => lockNow().then(() => 'Locked.'))}
        >
          Lock now
        </button>
        <label class="field field--inline">
          <span>Lock after idle</span>
          <select
            value={status.autoLockMinutes}
            onChange={(event) => {
              const minutes = Number(event.currentTarget.value);
              void run(() => setAutoLock(minutes).then(() => 'Auto-lock updated.'));
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
      <form class="stack" onSubmit={submitChange}>
        <h3>Change passphrase</h3>
        <PassphraseField
          label="Current passphrase"
          value={current}
          onInput={setCurrent}
          autoComplete="current-password"
        />
        <NewPassphraseFields value={passphrase} onChange={setPassphrase} />
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
                await remove(current);
                clear();
                return 'Passphrase lock is off.';
              })
            }
          >
            Turn off passphrase lock
          </button>
        </div>
      </form>
      {error && <ErrorNotice error={error} />}
      {note && <p role="status">{note}</p>}
    </div>
  );
}
