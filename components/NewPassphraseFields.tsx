import { AppError, type ErrorPayload } from '@/utils/errors';
import { PassphraseField } from './PassphraseField';

/** A new passphrase as typed twice. */
export interface NewPassphrase {
  next: string;
  confirm: string;
}

/** Both fields empty. */
export const EMPTY_NEW_PASSPHRASE: NewPassphrase = { next: '', confirm: '' };

/** The error to show when the two entries differ, or null when they agree. */
export function passphraseMismatch({ next, confirm }: NewPassphrase): ErrorPayload | null {
  return next === confirm ? null : new AppError('passphrase_mismatch').toPayload();
}

/** Props of {@link NewPassphraseFields}. */
export interface NewPassphraseFieldsProps {
  value: NewPassphrase;
  onChange: (value: NewPassphrase) => void;
}

/** "New passphrase" and "Confirm passphrase". */
export function NewPassphraseFields({ value, onChange }: NewPassphraseFieldsProps) {
  return (
    <>
      <PassphraseField
        label="New passphrase"
        value={value.next}
        onInput={(next) => onChange({ ...value, next })}
        autoComplete="new-password"
      />
      <PassphraseField
        label="Confirm passphrase"
        value={value.confirm}
        onInput={(confirm) => onChange({ ...value, confirm })}
        autoComplete="new-password"
      />
    </>
  );
}
