import { describe, expect, it, vi } from 'vitest';
import { createDefaultSettings } from './settings';
import { hostPatternsFor, requestPermissionsFor } from './request-permissions';

const PROFILE = {
  ...createDefaultSettings().profiles[0]!,
  proxyUrl: 'http://127.0.0.1:8787/',
  graphUrl: 'http://127.0.0.1:8788',
};

describe('hostPatternsFor', () => {
  it('should ask once per host, port-less, and not for what the manifest grants', () => {
    expect(hostPatternsFor(PROFILE)).toEqual(['http://127.0.0.1/*']);
    expect(
      hostPatternsFor({
        proxyUrl: 'https://proxy.example.com/x',
        graphUrl: 'https://graph.instagram.com',
      }),
    ).toEqual(['https://proxy.example.com/*']);
  });

  it('should not ask for an origin the settings would refuse to save', () => {
    expect(
      hostPatternsFor({ proxyUrl: 'http://proxy.example.com', graphUrl: 'not a url' }),
    ).toEqual([]);
  });
});

describe('requestPermissionsFor', () => {
  it('should return before the prompt is answered, which in headless Chromium is never', () => {
    const request = vi.fn(() => new Promise<boolean>(() => undefined));

    requestPermissionsFor({ notificationsEnabled: true }, PROFILE, request);

    expect(request).toHaveBeenCalledWith({
      origins: ['http://127.0.0.1/*'],
      permissions: ['notifications'],
    });
  });

  it('should not prompt when nothing is missing', () => {
    const request = vi.fn(() => Promise.resolve(true));
    const granted = {
      proxyUrl: 'https://graph.instagram.com',
      graphUrl: 'https://graph.instagram.com',
    };

    requestPermissionsFor({ notificationsEnabled: false }, { ...PROFILE, ...granted }, request);

    expect(request).not.toHaveBeenCalled();
  });
});
