import { useState } from 'preact/hooks';
import { useAction } from '@/utils/page/use-action';
import type { AppProfile, Settings } from '@/utils/settings/settings';
import { switchFlavor } from '@/utils/settings/switch-flavor';
import { ErrorNotice } from './ErrorNotice';
import { ScopeChecklist } from './ScopeChecklist';
import { TextField } from './TextField';
import { UpkeepFields } from './UpkeepFields';

/** Props of {@link SettingsForm}. */
export interface SettingsFormProps {
  initial: Settings;
  /**
   * Validates and saves the settings as typed; resolves once they are stored. An error with
   * `fields` names each wrong field.
   */
  onSave: (settings: Settings) => Promise<void>;
}

function newProfile(from: AppProfile, count: number): AppProfile {
  return { ...from, id: `app-${Date.now().toString(36)}`, name: `App ${count + 1}`, clientId: '' };
}

/**
 * The settings form: the app profile (client ID, scopes, proxy and endpoints) and token upkeep.
 * The background validates what is saved and names each wrong field; its message shows beside
 * the field. With one profile the profile controls stay out of sight.
 */
export function SettingsForm({ initial, onSave }: SettingsFormProps) {
  const [settings, setSettings] = useState(initial);
  // "Saved." only describes the form until the next edit.
  const [edited, setEdited] = useState(false);
  const save = useAction();
  const errors = save.error?.fields ?? {};
  const failure = save.error && !save.error.fields ? save.error : null;
  const edit = (next: Settings) => {
    setEdited(true);
    setSettings(next);
  };

  const index = Math.max(
    0,
    settings.profiles.findIndex((p) => p.id === settings.activeProfileId),
  );
  const profile = settings.profiles[index] ?? settings.profiles[0]!;
  const facebook = profile.flavor === 'facebook';
  const fieldError = (field: keyof AppProfile) => errors[`profiles.${index}.${field}`];
  const update = (patch: Partial<AppProfile>) =>
    edit({
      ...settings,
      profiles: settings.profiles.map((p, i) => (i === index ? { ...p, ...patch } : p)),
    });

  const submit = (event: Event) => {
    event.preventDefault();
    setEdited(false);
    void save.run(() => onSave(settings).then(() => 'Saved.'));
  };

  return (
    <form class="stack" onSubmit={submit} noValidate>
      {settings.profiles.length > 1 && (
        <label class="field">
          <span>App profile</span>
          <select
            value={profile.id}
            onChange={(event) => edit({ ...settings, activeProfileId: event.currentTarget.value })}
          >
            {settings.profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {settings.profiles.length > 1 && (
        <TextField
          label="Profile name"
          value={profile.name}
          error={fieldError('name')}
          onInput={(name) => update({ name })}
        />
      )}
      <label class="field">
        <span>Login</span>
        <select
          value={profile.flavor}
          onChange={(event) => {
            const flavor = event.currentTarget.value === 'facebook' ? 'facebook' : 'instagram';
            update(switchFlavor(profile, flavor));
          }}
        >
          <option value="instagram">Instagram Login</option>
          <option value="facebook">Facebook Login</option>
        </select>
      </label>
      <TextField
        label="Client ID"
        inputMode="numeric"
        value={profile.clientId}
        error={fieldError('clientId')}
        hint={
          facebook
            ? 'The Facebook App ID (digits) of the app that has Facebook Login.'
            : 'The Instagram App ID (digits), not the Facebook App ID.'
        }
        onInput={(clientId) => update({ clientId: clientId.trim() })}
      />
      <ScopeChecklist
        flavor={profile.flavor}
        selected={profile.scopes}
        error={fieldError('scopes')}
        onChange={(scopes) => update({ scopes })}
      />
      <TextField
        label="Proxy URL"
        inputMode="url"
        value={profile.proxyUrl}
        error={fieldError('proxyUrl')}
        hint="Where your exchange proxy runs; it holds the app secret."
        onInput={(proxyUrl) => update({ proxyUrl: proxyUrl.trim() })}
      />
      <TextField
        label={facebook ? 'Dialog URL' : 'Authorize URL'}
        inputMode="url"
        value={profile.authorizeUrl}
        error={fieldError('authorizeUrl')}
        hint={
          facebook ? 'The login dialog opens at this URL + /<version>/dialog/oauth.' : undefined
        }
        onInput={(authorizeUrl) => update({ authorizeUrl: authorizeUrl.trim() })}
      />
      <TextField
        label="Graph API URL"
        inputMode="url"
        value={profile.graphUrl}
        error={fieldError('graphUrl')}
        onInput={(graphUrl) => update({ graphUrl: graphUrl.trim() })}
      />
      {facebook && (
        <TextField
          label="Graph API version"
          value={profile.graphVersion}
          error={fieldError('graphVersion')}
          hint="Used in the dialog and Graph paths, e.g. v25.0."
          onInput={(graphVersion) => update({ graphVersion: graphVersion.trim() })}
        />
      )}
      <UpkeepFields
        values={settings}
        errors={errors}
        onChange={(patch) => edit({ ...settings, ...patch })}
      />
      {failure && <ErrorNotice error={failure} />}
      <div class="row">
        <button type="submit" class="button button--primary">
          Save
        </button>
        <button
          type="button"
          class="button"
          onClick={() => {
            const added = newProfile(profile, settings.profiles.length);
            edit({
              ...settings,
              profiles: [...settings.profiles, added],
              activeProfileId: added.id,
            });
          }}
        >
          Add another app
        </button>
        {settings.profiles.length > 1 && (
          <button
            type="button"
            class="button button--danger"
            onClick={() => {
              const profiles = settings.profiles.filter((p) => p.id !== profile.id);
              edit({ ...settings, profiles, activeProfileId: profiles[0]!.id });
            }}
          >
            Delete this app profile
          </button>
        )}
        <span role="status">{edited ? '' : save.note}</span>
      </div>
    </form>
  );
}
