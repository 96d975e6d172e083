import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/find-chromium';
import { launchExtension, type LoadedExtension } from '../support/browser/launch-extension';

describe.skipIf(!findChromium())('the built extension in Chromium', () => {
  let extension: LoadedExtension;

  beforeAll(async () => {
    extension = await launchExtension();
  });

  afterAll(async () => {
    await extension?.close();
  });

  it('should load with the fixed id that the redirect URI depends on', () => {
    expect(extension.extensionId).toBe('blocadghaajijcfckkjphjkhmmlcniff');
  });

  it('should open its popup page', async () => {
    const popup = await extension.openPopup();

    await expect(popup.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Token Tool',
    );
  });
});
