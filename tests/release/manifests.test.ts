/**
 * The built manifests, Chrome and Firefox, hold exactly the surface the README promises: no broad
 * permissions, no content scripts, nothing web-accessible, nobody else may message the extension,
 * and a content security policy tighter than MV3's default. Runs after `npm run build` and
 * `npm run build:firefox`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { PROJECT_ROOT } from '../../scripts/build-extension';

const ManifestSchema = z.looseObject({
  permissions: z.array(z.string()),
  host_permissions: z.array(z.string()),
  optional_host_permissions: z.optional(z.array(z.string())),
  optional_permissions: z.array(z.string()),
  content_security_policy: z.object({ extension_pages: z.string() }),
  externally_connectable: z.optional(z.unknown()),
  content_scripts: z.optional(z.unknown()),
  web_accessible_resources: z.optional(z.unknown()),
  default_locale: z.optional(z.string()),
});

async function readManifest(folder: string) {
  const text = await readFile(join(PROJECT_ROOT, '.output', folder, 'manifest.json'), 'utf8');
  return { text, manifest: ManifestSchema.parse(JSON.parse(text)) };
}

/** The policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

const LOOPBACK = ['http://127.0.0.1:*', 'http://localhost:*'];

describe.each([
  [
    'chrome-mv3',
    [
      'identity',
      'storage',
      'alarms',
      'clipboardRead',
      'clipboardWrite',
      'nativeMessaging',
      'offscreen',
    ],
  ],
  [
    'firefox-mv3',
    ['identity', 'storage', 'alarms', 'clipboardRead', 'clipboardWrite', 'nativeMessaging'],
  ],
])('the %s manifest', (folder, permissions) => {
  it('should ship the error texts as the English locale that every context reads', async () => {
    const { manifest } = await readManifest(folder);
    const locale = z
      .record(z.string(), z.object({ message: z.string() }))
      .parse(
        JSON.parse(
          await readFile(
            join(PROJECT_ROOT, '.output', folder, '_locales', 'en', 'messages.json'),
            'utf8',
          ),
        ),
      );

    expect(manifest.default_locale).toBe('en');
    expect(locale.error_vault_locked?.message).toBe('Your tokens are locked.');
  });

  it('should ask for exactly the documented permissions, and the two Graph API hosts alone', async () => {
    const { text, manifest } = await readManifest(folder);

    expect(manifest.permissions).toEqual(permissions);
    expect(manifest.host_permissions).toEqual([
      'https://graph.instagram.com/*',
      'https://graph.facebook.com/*',
    ]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(text).not.toContain('<all_urls>');
    expect(manifest.permissions).not.toContain('tabs');
  });

  it('should ship no content script and nothing web-accessible', async () => {
    const { manifest } = await readManifest(folder);

    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it("should keep a policy tighter than MV3's default", async () => {
    const { manifest } = await readManifest(folder);
    const policy = directives(manifest.content_security_policy.extension_pages);

    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'https:', ...LOOPBACK]);
    // No source anywhere is a bare wildcard, plain http off this machine, or unsafe.
    const sources = [...policy.values()].flat();
    expect(sources.filter((source) => source === '*' || /unsafe/.test(source))).toEqual([]);
    expect(sources.filter((source) => /^http:/.test(source) && !LOOPBACK.includes(source))).toEqual(
      [],
    );
  });
});

describe('messages from outside', () => {
  it('should be refused by Chrome: externally_connectable is declared empty', async () => {
    const { manifest } = await readManifest('chrome-mv3');

    expect(manifest.externally_connectable).toEqual({ ids: [], matches: [] });
  });

  it('should not be declared for Firefox, which has no such key and lets no page message it', async () => {
    const { manifest } = await readManifest('firefox-mv3');

    expect(manifest.externally_connectable).toBeUndefined();
  });
});
