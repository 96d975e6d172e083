/** `igtt uninstall [--chromium-user-data-dir DIR]`: removes the manifests and the launcher. */
import { parseArgs } from 'node:util';
import { EXIT_CODES } from '../exit-codes';
import { BROWSERS, launcherPath, manifestTargets, uninstallHost } from '../host-manifest';
import { parseOrUsage } from '../parse-options';
import type { CliCommand, CliContext } from './cli-context';
import { parseBrowserOptions, type InstallOptions } from './install';

const NAME = 'uninstall';

/** Parses `[--chromium-user-data-dir DIR]`; every browser's manifest is removed regardless. */
export function parseUninstallArgs(args: readonly string[], cwd: string): InstallOptions {
  const { values } = parseOrUsage(NAME, () =>
    parseArgs({
      args: [...args],
      options: { 'chromium-user-data-dir': { type: 'string' } },
      strict: true,
    }),
  );
  return parseBrowserOptions(NAME, 'all', values['chromium-user-data-dir'], cwd);
}

/** Removes what `igtt install` writes and prints what was there. */
export async function uninstall(options: InstallOptions, context: CliContext): Promise<number> {
  const removed = await uninstallHost({
    targets: manifestTargets(BROWSERS, context, options.chromiumUserDataDir),
    launcher: launcherPath(context),
  });
  context.stdout.write(
    removed.length === 0
      ? 'Nothing to remove: no igtt host manifest or launcher was found.\n'
      : ['Removed:', ...removed.map((path) => `  ${path}`), ''].join('\n'),
  );
  return EXIT_CODES.ok;
}

/** The command. */
export const uninstallCommand: CliCommand = {
  name: NAME,
  summary: 'remove the manifests and the launcher',
  usage: [
    'Usage: igtt uninstall [--chromium-user-data-dir DIR]',
    '',
    'Removes the host manifests of every browser, and DIR/NativeMessagingHosts/ when given, and',
    'the launcher. Hooks stay in $XDG_CONFIG_HOME/igtt/hooks.json.',
  ].join('\n'),
  execute: (args, context) => uninstall(parseUninstallArgs(args, context.cwd), context),
};
