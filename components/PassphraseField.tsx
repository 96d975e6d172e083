/** Props of {@link PassphraseField}. */
export interface PassphraseFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
}

/** A labelled password input. */
export function PassphraseField({ label, value, onInput, autoComplete }: PassphraseFieldProps) {
  return (
    <label class="field">
      <span>{label}</span>
      <input
        type="password"
        required
        autoComplete={autoComplete}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </label>
  );
}
