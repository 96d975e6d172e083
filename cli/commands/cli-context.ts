/** What every command gets from the entry point; tests pass their own. */
import type { UserDirs } from '../user-dirs';

/** Where a command writes text. */
export interface TextOutput {
  write(text: string): unknown;
}

/** The world a command runs in. */
export interface CliContext extends UserDirs {
  readonly platform: NodeJS.Platform;
  readonly cwd: string;
  readonly stdout: TextOutput;
  readonly stderr: TextOutput;
  readonly now: () => number;
  /** The absolute node binary, written into the launcher by `igtt install`. */
  readonly nodePath: string;
  /** The absolute path of the built host, `cli/dist/igtt-host.mjs`. */
  readonly hostScript: string;
  /** How long to wait for the bridge; the default suits people. */
  readonly bridgeTimeoutMs?: number;
}

/** One `igtt` command. */
export interface CliCommand {
  /** As typed: `token`, `hook add`. */
  readonly name: string;
  /** One line for `igtt --help`. */
  readonly summary: string;
  /** The text `igtt NAME --help` prints. */
  readonly usage: string;
  /** Runs with the arguments after the command's name; resolves with the exit code. */
  execute(args: readonly string[], context: CliContext): Promise<number>;
}
