/**
 * `igtt install [--browser B] [--chromium-user-data-dir DIR]`: registers the bridge host with the
 * browsers for this user, and says what it wrote.
 */
import { access, constants } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { CliFailure } from '../cli-errors';
import { EXIT_CODES } from '../exit-codes';
import { alignColumns } from '../align-columns';
import {
  BROWSERS,
  installHost,
  launcherPath,
  manifestTargets,
  type Browser,
} from '../host-manifest';
import { parseOrUsage, parseValue } from '../parse-options';
import { shellQuote } from '../shell-quote';
import type { CliCommand, CliContext } from './cli-context';

const NAME = 'install';

const BrowserChoiceSchema = z.enum([...BROWSERS, 'all'], 'Use chrome, chromium, firefox or all.');
const FolderSchema = z.string().check(z.minLength(1, 'Name a folder.'));

/** What `igtt install` was asked for. */
export interface InstallOptions {
  readonly browsers: readonly Browser[];
  /** Absolute; a Chromium profile started with `--user-data-dir` reads only its own folder. */
  readonly chromiumUserDataDir: string | undefined;
}

/** Parses `[--browser chrome|chromium|firefox|all] [--chromium-user-data-dir DIR]`. */
export function parseInstallArgs(args: readonly string[], cwd: string): InstallOptions {
  const { values } = parseOrUsage(NAME, () =>
    parseArgs({
      args: [...args],
      options: {
        browser: { type: 'string', short: 'b' },
        'chromium-user-data-dir': { type: 'string' },
      },
      strict: true,
    }),
  );
  return parseBrowserOptions(NAME, values.browser, values['chromium-user-data-dir'], cwd);
}

/** Checks `--browser` and `--chromium-user-data-dir`, shared with `igtt uninstall`. */
export function parseBrowserOptions(
  command: string,
  browser: string | undefined,
  userDataDir: string | undefined,
  cwd: string,
): InstallOptions {
  const choice = parseValue(command, '--browser', BrowserChoiceSchema, browser ?? 'all');
  return {
    browsers: choice === 'all' ? BROWSERS : [choice],
    chromiumUserDataDir:
      userDataDir === undefined
        ? undefined
        : resolve(cwd, parseValue(command, '--chromium-user-data-dir', FolderSchema, userDataDir)),
  };
}

/** Writes the launcher and the manifests, then prints each path. */
export async function install(options: InstallOptions, context: CliContext): Promise<number> {
  try {
    await access(context.hostScript, constants.R_OK);
  } catch (error) {
    throw new CliFailure(
      `The host is not built (${context.hostScript} is missing): run \`npm run build:cli\` in the igtt folder, then \`igtt install\` again.`,
      { cause: error },
    );
  }
  const result = await installHost({
    targets: manifestTargets(options.browsers, context, options.chromiumUserDataDir),
    launcher: launcherPath(context),
    nodePath: context.nodePath,
    hostScript: context.hostScript,
  });
  const rows = [
    [
      'launcher',
      `${result.launcher}  (runs ${shellQuote(context.nodePath)} ${shellQuote(context.hostScript)})`,
    ],
    ...result.manifests.map((target) => [target.label, target.path]),
  ];
  context.stdout.write(
    [
      'Installed the igtt bridge host for this user:',
      ...alignColumns(rows).map((line) => `  ${line}`),
      'Next: turn on Settings → Command-line access in the extension (off and on again if it is on), then run `igtt status`.',
      '',
    ].join('\n'),
  );
  return EXIT_CODES.ok;
}

/** The command. */
export const installCommand: CliCommand = {
  name: NAME,
  summary: 'register the bridge host with the browsers (once per user)',
  usage: [
    'Usage: igtt install [--browser chrome|chromium|firefox|all] [--chromium-user-data-dir DIR]',
    '',
    'Writes the native messaging host manifest for each browser (all by default) and the launcher',
    'they start ($XDG_DATA_HOME/igtt/igtt-host), then prints where.',
    '',
    '  -b, --browser B                  chrome, chromium, firefox or all (default)',
    '  --chromium-user-data-dir DIR     also write DIR/NativeMessagingHosts/, for a Chromium',
    '                                   started with --user-data-dir=DIR',
  ].join('\n'),
  execute: (args, context) => install(parseInstallArgs(args, context.cwd), context),
};
