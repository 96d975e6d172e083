import {
  INSTAGRAM_SCOPE_DESCRIPTIONS,
  INSTAGRAM_SCOPE_NAMES,
  type InstagramScope,
} from '@/shared/instagram-scopes';

/** Props of {@link ScopeChecklist}. */
export interface ScopeChecklistProps {
  selected: readonly InstagramScope[];
  onChange: (scopes: InstagramScope[]) => void;
  error?: string;
}

/** One checkbox per Instagram Login scope, each with a one-line description. */
export function ScopeChecklist({ selected, onChange, error }: ScopeChecklistProps) {
  const toggle = (scope: InstagramScope, on: boolean) =>
    onChange(
      INSTAGRAM_SCOPE_NAMES.filter((name) => (name === scope ? on : selected.includes(name))),
    );
  return (
    <fieldset class="stack scopes" aria-describedby={error ? 'scopes-error' : undefined}>
      <legend>Scopes</legend>
      {INSTAGRAM_SCOPE_NAMES.map((scope) => (
        <label key={scope} class="row">
          <input
            type="checkbox"
            checked={selected.includes(scope)}
            onChange={(event) => toggle(scope, event.currentTarget.checked)}
          />
          <span>
            <code>{scope}</code> — {INSTAGRAM_SCOPE_DESCRIPTIONS[scope]}
          </span>
        </label>
      ))}
      {error && (
        <p id="scopes-error" class="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
