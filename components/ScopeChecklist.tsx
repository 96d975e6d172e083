import type { Flavor } from '@/shared/exchange-contract';
import { FACEBOOK_SCOPE_NAMES, INSTAGRAM_SCOPE_NAMES } from '@/shared/instagram-scopes';
import { SCOPE_DESCRIPTIONS } from '@/shared/scope-descriptions';
import type { AppProfile } from '@/utils/settings/settings';

type Scope = AppProfile['scopes'][number];

const SCOPE_NAMES: Record<Flavor, readonly Scope[]> = {
  instagram: INSTAGRAM_SCOPE_NAMES,
  facebook: FACEBOOK_SCOPE_NAMES,
};

/** Props of {@link ScopeChecklist}. */
export interface ScopeChecklistProps {
  flavor: Flavor;
  selected: readonly Scope[];
  onChange: (scopes: Scope[]) => void;
  error?: string;
}

/** One checkbox per scope of the profile's login, each with a one-line description. */
export function ScopeChecklist({ flavor, selected, onChange, error }: ScopeChecklistProps) {
  const names = SCOPE_NAMES[flavor];
  const toggle = (scope: Scope, on: boolean) =>
    onChange(names.filter((name) => (name === scope ? on : selected.includes(name))));
  return (
    <fieldset class="stack scopes" aria-describedby={error ? 'scopes-error' : undefined}>
      <legend>{flavor === 'facebook' ? 'Permissions' : 'Scopes'}</legend>
      {names.map((scope) => (
        <label key={scope} class="row">
          <input
            type="checkbox"
            checked={selected.includes(scope)}
            onChange={(event) => toggle(scope, event.currentTarget.checked)}
          />
          <span>
            <code>{scope}</code> — {SCOPE_DESCRIPTIONS[scope]}
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
