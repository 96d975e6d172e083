import type { Settings } from '@/utils/settings/settings';
import { TextField } from './TextField';

/** The lifecycle settings the upkeep fields edit. */
export type UpkeepSettings = Pick<
  Settings,
  | 'refreshWindowDays'
  | 'maxTokenAgeDays'
  | 'checkIntervalHours'
  | 'clipboardClearSeconds'
  | 'notificationsEnabled'
  | 'notifyDaysBeforeExpiry'
>;

/** Props of {@link UpkeepFields}. */
export interface UpkeepFieldsProps {
  values: UpkeepSettings;
  errors: Record<string, string>;
  onChange: (patch: Partial<UpkeepSettings>) => void;
}

const CLIPBOARD_CHOICES: ReadonlyArray<readonly [number | null, string]> = [
  [15, 'after 15 seconds'],
  [30, 'after 30 seconds'],
  [60, 'after 1 minute'],
  [120, 'after 2 minutes'],
  [300, 'after 5 minutes'],
  [null, 'never'],
];

/** When tokens are refreshed and checked, when the clipboard is cleared, and notifications. */
export function UpkeepFields({ values, errors, onChange }: UpkeepFieldsProps) {
  const number = (key: keyof UpkeepSettings, label: string, hint?: string) => (
    <TextField
      label={label}
      inputMode="numeric"
      value={String(values[key] ?? '')}
      error={errors[key]}
      hint={hint}
      onInput={(text) => onChange({ [key]: text.trim() === '' ? Number.NaN : Number(text) })}
    />
  );
  return (
    <fieldset class="stack">
      <legend>Token upkeep</legend>
      {number(
        'refreshWindowDays',
        'Refresh days before expiry',
        'Tokens are refreshed inside this window; Instagram allows it once a token is 24 hours old.',
      )}
      {number('maxTokenAgeDays', 'Refresh tokens older than (days)')}
      {number('checkIntervalHours', 'Check tokens every (hours)')}
      <label class="field">
        <span>Clear a copied token from the clipboard</span>
        <select
          value={String(values.clipboardClearSeconds)}
          onChange={(event) => {
            const choice = CLIPBOARD_CHOICES.find(
              ([seconds]) => String(seconds) === event.currentTarget.value,
            );
            if (choice) onChange({ clipboardClearSeconds: choice[0] });
          }}
        >
          {CLIPBOARD_CHOICES.map(([seconds, label]) => (
            <option key={label} value={String(seconds)}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label class="row">
        <input
          type="checkbox"
          checked={values.notificationsEnabled}
          onChange={(event) => onChange({ notificationsEnabled: event.currentTarget.checked })}
        />
        <span>Notify me when a token stops working or cannot be refreshed in time</span>
      </label>
      {values.notificationsEnabled && number('notifyDaysBeforeExpiry', 'Warn days before expiry')}
    </fieldset>
  );
}
