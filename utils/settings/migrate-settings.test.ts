import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { SettingsSchema } from './settings';
import { settingsItem } from './settings-store';

describe('settings migration', () => {
  it('should migrate version-1 settings (one app) to version-2 profiles', async () => {
    await browser.storage.local.set({
      settings: {
        clientId: '990001234567890',
        scopes: ['business_basic', 'instagram_business_manage_comments', 'not_a_scope'],
        proxyUrl: 'https://proxy.example.com',
        authorizeUrl: 'https://www.instagram.com/oauth/authorize',
        graphUrl: 'https://graph.instagram.com',
      },
    });

    await settingsItem.migrate();

    const stored = await browser.storage.local.get(['settings', 'settings$']);
    const actual = SettingsSchema.parse(stored.settings);
    expect(stored['settings$']).toEqual({ v: 2 });
    expect(actual.profiles).toEqual([
      {
        id: 'default',
        name: 'Default app',
        flavor: 'instagram',
        clientId: '990001234567890',
        scopes: ['instagram_business_basic', 'instagram_business_manage_comments'],
        proxyUrl: 'https://proxy.example.com',
        authorizeUrl: 'https://www.instagram.com/oauth/authorize',
        graphUrl: 'https://graph.instagram.com',
        graphVersion: 'v25.0',
      },
    ]);
    expect(actual).toMatchObject({ activeProfileId: 'default', checkIntervalHours: 6 });
  });

  it('should leave current-version settings as they are', async () => {
    const current = SettingsSchema.parse((await settingsItem.read()).data);
    await browser.storage.local.set({ settings: current, settings$: { v: 2 } });

    await settingsItem.migrate();

    expect((await browser.storage.local.get('settings')).settings).toEqual(current);
  });
});
