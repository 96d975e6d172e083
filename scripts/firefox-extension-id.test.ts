import { describe, expect, it } from 'vitest';
import { FIREFOX_REDIRECT_URI, firefoxRedirectUri } from './firefox-extension-id';

describe('firefoxRedirectUri', () => {
  it("should be the SHA-1 of the add-on id under extensions.allizom.org, as Firefox 153's identity.getRedirectURL() answered", () => {
    expect(FIREFOX_REDIRECT_URI).toBe(
      'https://34701c27bafdacaca1804d0a20335c6cdf19624f.extensions.allizom.org/',
    );
  });

  it('should change with the add-on id', () => {
    expect(firefoxRedirectUri('other@example.org')).not.toBe(FIREFOX_REDIRECT_URI);
    expect(firefoxRedirectUri('other@example.org')).toMatch(
      /^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/,
    );
  });
});
