import { describe, expect, it } from 'vitest';
import { demoSummary, READY_LINE, type DemoSummaryInput } from './demo-summary';

const input: DemoSummaryInput = {
  sandboxUrl: 'http://127.0.0.1:8788',
  proxyUrl: 'http://127.0.0.1:8787',
  target: 'firefox',
  extensionDir: '/repo/.output/demo/firefox-mv3',
  browser: { skipped: 'no display: DISPLAY and WAYLAND_DISPLAY are unset' },
};

describe('demoSummary', () => {
  it('should tell how to load the Firefox build as a temporary add-on when no browser opened', () => {
    const actual = demoSummary(input);

    expect(actual).toContain('about:debugging#/runtime/this-firefox');
    expect(actual).toContain(
      'Load Temporary Add-on…" and choose /repo/.output/demo/firefox-mv3/manifest.json',
    );
    expect(actual).not.toContain('chrome://extensions');
    expect(actual).toContain('Extension build    /repo/.output/demo/firefox-mv3');
    expect(actual.endsWith(READY_LINE)).toBe(true);
  });

  it('should name Firefox when it opened', () => {
    const actual = demoSummary({ ...input, browser: 'opened' });

    expect(actual).toContain('Firefox is open on the popup');
    expect(actual).not.toContain('about:debugging');
  });

  it('should keep the Chrome instructions for a Chrome build', () => {
    const actual = demoSummary({
      ...input,
      target: 'chrome',
      extensionDir: '/repo/.output/demo/chrome-mv3',
    });

    expect(actual).toContain('Load unpacked" and choose /repo/.output/demo/chrome-mv3');
    expect(actual).not.toContain('about:debugging');
  });
});
