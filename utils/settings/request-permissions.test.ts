import { describe, expect, it, vi } from 'vitest';
import { requestPermissionsFor } from './request-permissions';

describe('requestPermissionsFor', () => {
  it('should return before the prompt is answered, which in headless Chromium is never', () => {
    const request = vi.fn(() => new Promise<boolean>(() => undefined));

    requestPermissionsFor({ notificationsEnabled: true }, request);

    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
  });

  it('should not prompt while notifications are off', () => {
    const request = vi.fn(() => Promise.resolve(true));

    requestPermissionsFor({ notificationsEnabled: false }, request);

    expect(request).not.toHaveBeenCalled();
  });
});
