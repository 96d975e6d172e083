/** The stored settings: their storage item, and reading and saving them. */
import { AppError } from '@/utils/errors';
import { words } from '@/utils/words';
import { defineCheckedItem } from '@/utils/vault/define-checked-item';
import { migrateSettingsV1ToV2 } from './migrate-settings';
import { SettingsSchema, createDefaultSettings, type Settings } from './settings';
import { SettingsInputSchema, fieldErrors } from './settings-input';

/** App profiles and preferences. Version 1 held a single app. */
export const settingsItem = defineCheckedItem('local:settings', SettingsSchema, {
  version: 2,
  fallback: createDefaultSettings(),
  migrations: { 2: migrateSettingsV1ToV2 },
});

/** The stored settings, parsed; unreadable settings are reported, not replaced. */
export async function readSettings(): Promise<Settings> {
  const parsed = await settingsItem.read();
  if (!parsed.success) throw new AppError('invalid_settings', { cause: parsed.error });
  return parsed.data;
}

/**
 * Validates and stores settings in one write. An invalid field rejects the whole save, and the
 * error names every wrong field with its message, for the options page to show beside it.
 */
export async function saveSettings(input: unknown): Promise<Settings> {
  const parsed = SettingsInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const [path, first] = Object.entries(fields)[0] ?? [];
    throw new AppError('invalid_settings', {
      cause: parsed.error,
      message: first ? words('setting_invalid', path ?? '', first) : undefined,
      fields,
    });
  }
  const settings = parsed.data;
  if (!settings.profiles.some((profile) => profile.id === settings.activeProfileId)) {
    throw new AppError('invalid_settings', { message: words('active_profile_missing') });
  }
  await settingsItem.write(settings);
  return settings;
}
