import { describe, expect, it } from 'vitest';
import { isSecureOrLocalUrl } from './secure-url';
import { requireReadyProfile } from './require-ready-profile';
import { selectProfile } from './select-profile';
import { createDefaultSettings, type AppProfile } from './settings';
import { AppProfileInputSchema, fieldErrors } from './settings-input';
import { readSettings, saveSettings } from './settings-store';

const VALID_PROFILE: AppProfile = {
  id: 'default',
  name: 'Default app',
  flavor: 'instagram',
  clientId: '990001234567890',
  scopes: ['instagram_business_basic'],
  proxyUrl: 'https://proxy.example.com',
  authorizeUrl: 'https://www.instagram.com/oauth/authorize',
  graphUrl: 'https://graph.instagram.com',
  graphVersion: 'v25.0',
};

function errorsFor(overrides: Record<string, unknown>): Record<string, string> {
  const parsed = AppProfileInputSchema.safeParse({ ...VALID_PROFILE, ...overrides });
  return parsed.success ? {} : fieldErrors(parsed.error);
}

describe('isSecureOrLocalUrl', () => {
  it.each([
    ['https://proxy.example.com', true],
    ['http://127.0.0.1:8787', true],
    ['http://localhost:8787/', true],
    ['http://proxy.example.com', false],
    ['ftp://proxy.example.com', false],
    ['proxy.example.com', false],
    ['', false],
  ])('should judge %s', (url, expected) => {
    expect(isSecureOrLocalUrl(url)).toBe(expected);
  });
});

describe('app profile validation', () => {
  it('should accept a complete profile', () => {
    expect(errorsFor({})).toEqual({});
  });

  it('should put a clear message beside each wrong field', () => {
    expect(
      errorsFor({
        clientId: '1234-abc',
        proxyUrl: 'http://proxy.example.com',
        graphUrl: 'not a url',
        authorizeUrl: 'http://www.instagram.com/oauth/authorize',
      }),
    ).toEqual({
      clientId: 'The Client ID is the App ID: digits only.',
      proxyUrl: 'Use an https:// URL (http:// only for localhost or 127.0.0.1).',
      graphUrl: 'Use an https:// URL (http:// only for localhost or 127.0.0.1).',
      authorizeUrl: 'Use an https:// URL (http:// only for localhost or 127.0.0.1).',
    });
  });

  it('should name the replacement of a retired scope', () => {
    expect(errorsFor({ scopes: ['business_basic'] }).scopes).toBe(
      '"business_basic" was retired on 27 Jan 2025; use "instagram_business_basic".',
    );
  });

  it('should refuse an unknown scope and a profile without the basic scope', () => {
    expect(errorsFor({ scopes: ['instagram_business_basic', 'user_media'] }).scopes).toBe(
      '"user_media" is not an Instagram Login scope.',
    );
    expect(errorsFor({ scopes: ['instagram_business_manage_comments'] }).scopes).toContain(
      'instagram_business_basic is required',
    );
  });
});

describe('settings store', () => {
  it('should save valid settings and read them back', async () => {
    const settings = { ...createDefaultSettings(), profiles: [VALID_PROFILE] };

    await saveSettings(settings);

    expect(await readSettings()).toEqual(settings);
  });

  it('should refuse invalid settings as a whole and keep what was stored', async () => {
    const before = await readSettings();

    await expect(
      saveSettings({
        ...createDefaultSettings(),
        profiles: [{ ...VALID_PROFILE, clientId: 'abc' }],
      }),
    ).rejects.toMatchObject({
      code: 'invalid_settings',
      message: expect.stringContaining('digits only'),
    });
    await expect(
      saveSettings({
        ...createDefaultSettings(),
        profiles: [VALID_PROFILE],
        activeProfileId: 'gone',
      }),
    ).rejects.toMatchObject({ code: 'invalid_settings' });
    expect(await readSettings()).toEqual(before);
  });

  it('should start with only instagram_business_basic ticked', () => {
    expect(createDefaultSettings().profiles[0]?.scopes).toEqual(['instagram_business_basic']);
  });

  it('should pick the requested or active profile, and refuse an incomplete one', () => {
    const settings = {
      ...createDefaultSettings(),
      profiles: [VALID_PROFILE, { ...VALID_PROFILE, id: 'second', clientId: '' }],
    };

    expect(requireReadyProfile(settings).id).toBe('default');
    expect(() => requireReadyProfile(settings, 'second')).toThrow(
      expect.objectContaining({ code: 'setup_incomplete' }),
    );
  });

  it('should serve an account whose profile was deleted with the active profile', () => {
    const settings = {
      ...createDefaultSettings(),
      profiles: [VALID_PROFILE, { ...VALID_PROFILE, id: 'second', name: 'Second' }],
      activeProfileId: 'second',
    };

    expect(selectProfile(settings, 'deleted').id).toBe('second');
    expect(selectProfile(settings, 'default').id).toBe('default');
    expect(selectProfile({ ...settings, activeProfileId: 'gone' }).id).toBe('default');
  });

  it('should name every wrong field when a save is refused', async () => {
    await expect(
      saveSettings({
        ...createDefaultSettings(),
        profiles: [{ ...VALID_PROFILE, clientId: 'abc', proxyUrl: 'http://proxy.example.com' }],
      }),
    ).rejects.toMatchObject({
      code: 'invalid_settings',
      fields: {
        'profiles.0.clientId': 'The Client ID is the App ID: digits only.',
        'profiles.0.proxyUrl': 'Use an https:// URL (http:// only for localhost or 127.0.0.1).',
      },
    });
  });
});
