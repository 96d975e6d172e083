import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CHROME_EXTENSION_ID,
  FIREFOX_EXTENSION_ID,
  launcherPath,
  launcherScript,
  manifestTarget,
  UnsupportedPlatformError,
} from './host-manifest';
import { runCli } from './run-cli';
import { testContext } from './test-support/cli-context';
import { makeTempDirs, type TempDirs } from './test-support/temp-dirs';

const ORIGIN = 'chrome-extension://blocadghaajijcfckkjphjkhmmlcniff/';

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe('manifest locations', () => {
  const home = '/home/ada';

  it('should use the Linux per-user folders, Chrome and Chromium under XDG_CONFIG_HOME', () => {
    const place = { env: {}, home, platform: 'linux' as const };

    expect(manifestTarget('chrome', place).path).toBe(
      '/home/ada/.config/google-chrome/NativeMessagingHosts/dev.igtt.bridge.json',
    );
    expect(manifestTarget('chromium', place).path).toBe(
      '/home/ada/.config/chromium/NativeMessagingHosts/dev.igtt.bridge.json',
    );
    expect(manifestTarget('firefox', place).path).toBe(
      '/home/ada/.mozilla/native-messaging-hosts/dev.igtt.bridge.json',
    );
    expect(manifestTarget('chrome', { ...place, env: { XDG_CONFIG_HOME: '/cfg' } }).path).toBe(
      '/cfg/google-chrome/NativeMessagingHosts/dev.igtt.bridge.json',
    );
  });

  it('should use the macOS folders on darwin and refuse Windows', () => {
    expect(manifestTarget('firefox', { env: {}, home, platform: 'darwin' }).path).toBe(
      '/home/ada/Library/Application Support/Mozilla/NativeMessagingHosts/dev.igtt.bridge.json',
    );
    expect(() => manifestTarget('chrome', { env: {}, home, platform: 'win32' })).toThrow(
      UnsupportedPlatformError,
    );
  });

  it('should put the launcher under XDG_DATA_HOME', () => {
    expect(launcherPath({ env: {}, home })).toBe('/home/ada/.local/share/igtt/igtt-host');
    expect(launcherPath({ env: { XDG_DATA_HOME: '/data' }, home })).toBe('/data/igtt/igtt-host');
  });
});

describe('the extension ids', () => {
  it('should match the ids the extension is built with', () => {
    const root = join(import.meta.dirname, '..');
    const wxtConfig = readFileSync(join(root, 'wxt.config.ts'), 'utf8');
    const extensionId = readFileSync(join(root, 'scripts', 'extension-id.ts'), 'utf8');

    expect(wxtConfig).toContain(`id: '${FIREFOX_EXTENSION_ID}'`);
    expect(extensionId).toContain(`'${CHROME_EXTENSION_ID}'`);
  });
});

describe('launcherScript', () => {
  it('should exec the absolute node with the host, quoting paths for the shell', () => {
    expect(launcherScript('/usr/bin/node', "/opt/it's/igtt-host.mjs")).toContain(
      `exec /usr/bin/node '/opt/it'\\''s/igtt-host.mjs' "$@"\n`,
    );
  });
});

describe('igtt install and uninstall', () => {
  let dirs: TempDirs | undefined;
  afterEach(() => dirs?.remove());

  function setUp() {
    dirs = makeTempDirs();
    const hostScript = join(dirs.root, 'dist', 'igtt-host.mjs');
    mkdirSync(join(dirs.root, 'dist'));
    writeFileSync(hostScript, '');
    return { dirs, context: testContext(dirs, { hostScript, nodePath: '/usr/local/bin/node' }) };
  }

  it('should write every browser by default, plus a custom Chromium profile, and say where', async () => {
    const { dirs, context } = setUp();
    const profile = join(dirs.root, 'profile');

    const code = await runCli(['install', '--chromium-user-data-dir', profile], context);

    const home = dirs.home;
    const launcher = join(home, '.local', 'share', 'igtt', 'igtt-host');
    const chrome = join(
      home,
      '.config',
      'google-chrome',
      'NativeMessagingHosts',
      'dev.igtt.bridge.json',
    );
    const chromium = join(
      home,
      '.config',
      'chromium',
      'NativeMessagingHosts',
      'dev.igtt.bridge.json',
    );
    const firefox = join(home, '.mozilla', 'native-messaging-hosts', 'dev.igtt.bridge.json');
    const custom = join(profile, 'NativeMessagingHosts', 'dev.igtt.bridge.json');
    expect(code).toBe(0);
    expect(context.stdout.text()).toBe(
      [
        'Installed the igtt bridge host for this user:',
        `  launcher          ${launcher}  (runs /usr/local/bin/node ${join(dirs.root, 'dist', 'igtt-host.mjs')})`,
        `  Chrome            ${chrome}`,
        `  Chromium          ${chromium}`,
        `  Firefox           ${firefox}`,
        `  Chromium profile  ${custom}`,
        'Next: turn on Settings → Command-line access in the extension (off and on again if it is on), then run `igtt status`.',
        '',
      ].join('\n'),
    );
    const chromeManifest = {
      name: 'dev.igtt.bridge',
      description: 'Token Tool for Instagram: the igtt command-line bridge',
      path: launcher,
      type: 'stdio',
      allowed_origins: [ORIGIN],
    };
    expect(readJson(chrome)).toEqual(chromeManifest);
    expect(readJson(chromium)).toEqual(chromeManifest);
    expect(readJson(custom)).toEqual(chromeManifest);
    expect(readJson(firefox)).toEqual({
      name: 'dev.igtt.bridge',
      description: 'Token Tool for Instagram: the igtt command-line bridge',
      path: launcher,
      type: 'stdio',
      allowed_extensions: ['token-tool-for-instagram@ig-token-tool.dev'],
    });
    expect(statSync(launcher).mode & 0o777).toBe(0o700);
    expect(statSync(join(launcher, '..')).mode & 0o777).toBe(0o700);
    expect(readFileSync(launcher, 'utf8')).toMatch(
      new RegExp(
        `^#!/bin/sh\n[^]*\nexec /usr/local/bin/node ${join(dirs.root, 'dist', 'igtt-host.mjs')} "\\$@"\n$`,
      ),
    );
  });

  it('should write one browser only with --browser', async () => {
    const { dirs, context } = setUp();

    await runCli(['install', '--browser', 'firefox'], context);

    expect(
      existsSync(join(dirs.home, '.mozilla', 'native-messaging-hosts', 'dev.igtt.bridge.json')),
    ).toBe(true);
    expect(existsSync(join(dirs.home, '.config', 'google-chrome'))).toBe(false);
    expect(existsSync(join(dirs.home, '.config', 'chromium'))).toBe(false);
  });

  it('should remove every manifest and the launcher on uninstall, and say so', async () => {
    const { dirs, context } = setUp();
    const profile = join(dirs.root, 'profile');
    await runCli(['install', '--chromium-user-data-dir', profile], context);
    const uninstalling = testContext(dirs);

    const code = await runCli(['uninstall', '--chromium-user-data-dir', profile], uninstalling);

    expect(code).toBe(0);
    const removed = uninstalling.stdout.text().trim().split('\n');
    expect(removed[0]).toBe('Removed:');
    expect(removed).toHaveLength(6);
    for (const path of removed.slice(1)) expect(existsSync(path.trim())).toBe(false);
    const again = testContext(dirs);
    await runCli(['uninstall'], again);
    expect(again.stdout.text()).toBe(
      'Nothing to remove: no igtt host manifest or launcher was found.\n',
    );
  });

  it('should refuse to install when the host is not built', async () => {
    const { context } = setUp();
    const unbuilt = { ...context, hostScript: '/nowhere/igtt-host.mjs' };

    const code = await runCli(['install'], unbuilt);

    expect(code).toBe(1);
    expect(context.stderr.text()).toMatch(/^igtt: The host is not built .*npm run build:cli/);
  });
});
