/** A CLI context for in-process tests: temporary folders, collected output, a fixed clock. */
import type { CliContext } from '../commands/cli-context';
import { collectOutput, type CollectedOutput } from './output-collector';
import type { TempDirs } from './temp-dirs';

/** A context and what it collected. */
export interface TestContext extends CliContext {
  readonly stdout: CollectedOutput;
  readonly stderr: CollectedOutput;
}

/** The context a test runs `runCli` in; `overrides` replace any field. */
export function testContext(dirs: TempDirs, overrides: Partial<CliContext> = {}): TestContext {
  return {
    env: dirs.env,
    home: dirs.home,
    platform: 'linux',
    cwd: dirs.root,
    now: () => Date.UTC(2026, 11, 2, 12),
    nodePath: process.execPath,
    hostScript: '/opt/igtt/cli/dist/igtt-host.mjs',
    bridgeTimeoutMs: 5_000,
    ...overrides,
    stdout: collectOutput(),
    stderr: collectOutput(),
  };
}
