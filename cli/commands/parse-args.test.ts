import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../cli-errors';
import { runCli } from '../run-cli';
import { testContext } from '../test-support/cli-context';
import { makeTempDirs, type TempDirs } from '../test-support/temp-dirs';
import { parseHookAddArgs } from './hook-add';
import { parseHookListArgs } from './hook-list';
import { parseHookRemoveArgs } from './hook-remove';
import { parseInstallArgs } from './install';
import { parseListArgs } from './list';
import { parseRunArgs } from './run';
import { parseStatusArgs } from './status';
import { parseTokenArgs } from './token';
import { parseUninstallArgs } from './uninstall';

describe('parseTokenArgs', () => {
  it('should default to raw and no account', () => {
    expect(parseTokenArgs([])).toEqual({ account: undefined, format: 'raw' });
  });

  it.each([
    [['@ada.lovelace', '--format', 'curl'], { account: '@ada.lovelace', format: 'curl' }],
    [['--format=json', '17841400000000001'], { account: '17841400000000001', format: 'json' }],
    [['-f', 'env'], { account: undefined, format: 'env' }],
    [['--format', 'header', '--', '@ada'], { account: '@ada', format: 'header' }],
  ])('should parse %j', (args, expected) => {
    expect(parseTokenArgs(args)).toEqual(expected);
  });

  it.each([
    [['--format', 'yaml'], /--format: Use one of raw, header, curl, env, json/],
    [['ada'], /Name the account as @username or its id/],
    [['@a', '@b'], /at most one account/],
    [['--verbose'], /Unknown option '--verbose'/],
    [['--format'], /argument missing/],
  ])('should refuse %j as a usage error', (args, message) => {
    expect(() => parseTokenArgs(args)).toThrow(UsageError);
    expect(() => parseTokenArgs(args)).toThrow(message);
  });
});

describe('parseRunArgs', () => {
  it('should take everything after the first -- as the command, flags included', () => {
    expect(parseRunArgs(['--account', '@ada', '--', 'curl', '-H', '--', '--x'])).toEqual({
      account: '@ada',
      command: ['curl', '-H', '--', '--x'],
    });
  });

  it('should allow no account', () => {
    expect(parseRunArgs(['--', 'env'])).toEqual({ account: undefined, command: ['env'] });
  });

  it.each([
    [['env'], /Put `--` before the command/],
    [['--'], /Name the command to run after `--`/],
    [['--account', '--', 'env'], /argument missing/],
    [['--account', 'ada', '--', 'env'], /@username or its id/],
    [['--acount', '@ada', '--', 'env'], /Unknown option '--acount'/],
    [['extra', '--', 'env'], /Unexpected argument 'extra'/],
  ])('should refuse %j', (args, message) => {
    expect(() => parseRunArgs(args)).toThrow(UsageError);
    expect(() => parseRunArgs(args)).toThrow(message);
  });
});

describe('parseHookAddArgs', () => {
  it('should parse an account and a command', () => {
    expect(parseHookAddArgs(['-a', '17841400000000001', '--', 'sh', '-c', 'cat > "$OUT"'])).toEqual(
      { account: '17841400000000001', command: ['sh', '-c', 'cat > "$OUT"'] },
    );
  });

  it.each([[['sh']], [['--']], [['--account', '@', '--', 'sh']]])('should refuse %j', (args) => {
    expect(() => parseHookAddArgs(args)).toThrow(UsageError);
  });
});

describe('parseHookRemoveArgs', () => {
  it('should parse the hook number', () => {
    expect(parseHookRemoveArgs(['12'])).toEqual({ id: 12 });
  });

  it.each([[[]], [['0']], [['-1']], [['1.5']], [['one']], [['1', '2']], [['--all']]])(
    'should refuse %j',
    (args) => {
      expect(() => parseHookRemoveArgs(args)).toThrow(UsageError);
    },
  );
});

describe('parseInstallArgs and parseUninstallArgs', () => {
  it('should default to every browser', () => {
    expect(parseInstallArgs([], '/work')).toEqual({
      browsers: ['chrome', 'chromium', 'firefox'],
      chromiumUserDataDir: undefined,
    });
  });

  it('should take one browser and resolve a relative user data dir from the current folder', () => {
    expect(
      parseInstallArgs(['--browser', 'chromium', '--chromium-user-data-dir', 'profile'], '/work'),
    ).toEqual({ browsers: ['chromium'], chromiumUserDataDir: '/work/profile' });
    expect(parseUninstallArgs(['--chromium-user-data-dir=/p'], '/work')).toEqual({
      browsers: ['chrome', 'chromium', 'firefox'],
      chromiumUserDataDir: '/p',
    });
  });

  it.each([
    [['--browser', 'edge']],
    [['--browser']],
    [['chrome']],
    [['--chromium-user-data-dir', '']],
  ])('should refuse install %j', (args) => {
    expect(() => parseInstallArgs(args, '/work')).toThrow(UsageError);
  });

  it('should refuse --browser for uninstall, which removes every browser', () => {
    expect(() => parseUninstallArgs(['--browser', 'chrome'], '/work')).toThrow(UsageError);
  });
});

describe('commands without arguments', () => {
  it('should parse status, list, hook list', () => {
    expect(parseStatusArgs([])).toEqual({});
    expect(parseListArgs([])).toEqual({ json: false });
    expect(parseListArgs(['--json'])).toEqual({ json: true });
    expect(parseHookListArgs([])).toEqual({});
  });

  it('should refuse extra arguments', () => {
    expect(() => parseStatusArgs(['now'])).toThrow(UsageError);
    expect(() => parseListArgs(['--yaml'])).toThrow(UsageError);
    expect(() => parseHookListArgs(['1'])).toThrow(UsageError);
  });
});

describe('runCli usage', () => {
  let dirs: TempDirs | undefined;
  afterEach(() => dirs?.remove());

  it.each([
    [['frobnicate'], 'igtt: Unknown command "frobnicate". See `igtt --help`.\n'],
    [['hook'], 'igtt: Say add, list or remove after `hook`. See `igtt hook --help`.\n'],
    [['hook', 'edit'], 'igtt: Unknown command "hook edit". See `igtt hook --help`.\n'],
    [['token', '--bogus'], "igtt: Unknown option '--bogus'. See `igtt token --help`.\n"],
    [
      ['run', 'env'],
      'igtt: Put `--` before the command to run, e.g. `-- ./deploy.sh`. See `igtt run --help`.\n',
    ],
  ])('should exit 2 with one line for %j', async (argv, line) => {
    dirs = makeTempDirs();
    const context = testContext(dirs);

    const code = await runCli(argv, context);

    expect(code).toBe(2);
    expect(context.stderr.text()).toBe(line);
    expect(context.stdout.text()).toBe('');
  });

  it('should print the usage on stderr and exit 2 without a command', async () => {
    dirs = makeTempDirs();
    const context = testContext(dirs);

    expect(await runCli([], context)).toBe(2);
    expect(context.stderr.text()).toContain('Usage: igtt COMMAND');
  });

  it.each([
    [['--help'], 'Usage: igtt COMMAND'],
    [['-h'], 'Usage: igtt COMMAND'],
    [['help'], 'Usage: igtt COMMAND'],
    [['help', 'token'], 'Usage: igtt token [ACCOUNT]'],
    [['token', '--help'], 'Usage: igtt token [ACCOUNT]'],
    [['run', '-h', '--', 'env'], 'Usage: igtt run'],
    [['hook', '--help'], 'Usage: igtt hook add'],
    [['hook', 'add', '--help'], 'Usage: igtt hook add'],
    [['hook', 'remove', '--help'], 'Usage: igtt hook remove N'],
    [['install', '--help'], 'Usage: igtt install'],
    [['uninstall', '--help'], 'Usage: igtt uninstall'],
    [['status', '--help'], 'Usage: igtt status'],
    [['list', '--help'], 'Usage: igtt list'],
    [['hook', 'list', '--help'], 'Usage: igtt hook list'],
  ])('should print help for %j on stdout and exit 0', async (argv, start) => {
    dirs = makeTempDirs();
    const context = testContext(dirs);

    const code = await runCli(argv, context);

    expect(code).toBe(0);
    expect(context.stdout.text().startsWith(start) || context.stdout.text().includes(start)).toBe(
      true,
    );
    expect(context.stderr.text()).toBe('');
  });

  it('should not take --help after -- as a request for help', async () => {
    dirs = makeTempDirs();
    const context = testContext(dirs);

    const code = await runCli(['hook', 'add', '--', 'my-tool', '--help'], context);

    expect(code).toBe(0);
    expect(context.stdout.text()).toContain('Added hook 1 for every account: my-tool --help');
  });
});
