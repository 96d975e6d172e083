/**
 * How long `igtt token` takes end to end with the browser running (process start, socket, host,
 * native port, vault, back), and what that time is made of: Node's own start (`node -e ''`),
 * then loading the bundled command (`igtt --help`, which opens no socket), then the bridge.
 * The three commands take turns starting each round.
 */
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { launchConfiguredExtension } from '../tests/support/browser/configured-extension';
import {
  connectWithoutConsentPage,
  setCommandLineAccess,
} from '../tests/support/browser/extension-pages';
import { createIgttHome, IGTT_BIN } from '../tests/support/browser/igtt-command';
import type { CliRoundTrip } from './results-schema';
import { measureRounds, summarise, timeRotation } from './stats';

const WARM_UP_RUNS = 2;
/** The page says "Connected" once the native port is up; the host's socket may follow later. */
const BRIDGE_READY_TIMEOUT_MS = 30_000;
const BRIDGE_POLL_MS = 200;

function runNode(args: readonly string[], env: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    execFile(process.execPath, args, { env: { ...process.env, ...env } }, (error) => {
      if (error) fail(new Error(`node ${args.join(' ')} failed`, { cause: error }));
      else done();
    });
  });
}

/** Retries `igtt token` until it answers 0, so that no timed run meets a bridge still starting. */
async function waitForBridge(tryToken: () => Promise<number>): Promise<void> {
  const deadline = Date.now() + BRIDGE_READY_TIMEOUT_MS;
  for (;;) {
    const code = await tryToken();
    if (code === 0) return;
    if (Date.now() > deadline) throw new Error(`igtt token still exits ${code}: no bridge.`);
    await new Promise((resolve) => setTimeout(resolve, BRIDGE_POLL_MS));
  }
}

/** Sets up a connected account with command-line access in the built extension, then times. */
export async function measureCliRoundTrip(
  extensionDir: string,
  runs: number,
): Promise<CliRoundTrip> {
  const home = await createIgttHome();
  const harness = await launchConfiguredExtension({
    extensionDir,
    env: home.env,
    prepareProfile: async (profile) => {
      await home.run(['install', '--browser', 'chromium', '--chromium-user-data-dir', profile]);
    },
  });
  try {
    await (await connectWithoutConsentPage(harness.extension, harness.stack.control)).close();
    const options = await harness.extension.context.newPage();
    await options.goto(harness.extension.optionsUrl);
    await setCommandLineAccess(options, true);
    await options.getByText('Connected to the igtt host.').waitFor();
    await waitForBridge(() => home.run(['token']).then(({ code }) => code));
    const expectExit0 = (args: readonly string[]) => async () => {
      const { code } = await home.run(args);
      if (code !== 0) throw new Error(`igtt ${args.join(' ')} exited ${code}`);
    };
    const rounds = await measureRounds(WARM_UP_RUNS, runs, (round) =>
      timeRotation(round, [
        expectExit0(['token']),
        expectExit0(['--help']),
        () => runNode(['-e', ''], home.env),
      ]),
    );
    return {
      token: summarise(rounds.map((times) => times[0] ?? 0)),
      help: summarise(rounds.map((times) => times[1] ?? 0)),
      bareNode: summarise(rounds.map((times) => times[2] ?? 0)),
      bundleBytes: (await stat(IGTT_BIN)).size,
    };
  } finally {
    await harness.close();
    await home.remove();
  }
}
