/** Reading and saving settings, and finding the app profile a login uses. */
import { AppError } from './errors';
import { SettingsInputSchema, SettingsSchema, type AppProfile, type Settings } from './settings';
import { settingsItem } from './storage-items';

/** The stored settings, parsed; unreadable settings are reported, not replaced. */
export async function readSettings(): Promise<Settings> {
  const parsed = SettingsSchema.safeParse(await settingsItem.getValue());
  if (!parsed.success) throw new AppError('invalid_settings', { cause: parsed.error });
  return parsed.data;
}

/** Validates and stores settings in one write; an invalid field rejects the whole save. */
export async function saveSettings(input: unknown): Promise<Settings> {
  const parsed = SettingsInputSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('invalid_settings', {
      cause: parsed.error,
      message: first ? `Invalid setting (${first.path.join('.')}): ${first.message}` : undefined,
    });
  }
  const settings = parsed.data;
  if (!settings.profiles.some((profile) => profile.id === settings.activeProfileId)) {
    throw new AppError('invalid_settings', { message: 'The active app profile does not exist.' });
  }
  await settingsItem.setValue(settings);
  return settings;
}

/** The profile with `profileId`, or the active one; it must be complete enough to log in. */
export function requireProfile(settings: Settings, profileId?: string): AppProfile {
  const id = profileId ?? settings.activeProfileId;
  const profile = settings.profiles.find((candidate) => candidate.id === id);
  if (!profile || profile.clientId === '' || profile.proxyUrl === '') {
    throw new AppError('setup_incomplete');
  }
  return profile;
}
