/**
 * How long `igtt token` takes end to end with the browser running (process start, socket, host,
 * native port, vault, back), against starting Node with nothing to do: the difference is what the
 * bridge itself costs.
 */
import { execFile } from 'node:child_process';
import { launchConfiguredExtension } from '../tests/support/browser/configured-extension';
import {
  connectWithoutConsentPage,
  setCommandLineAccess,
} from '../tests/support/browser/extension-pages';
import { createIgttHome } from '../tests/support/browser/igtt-command';
import { summarise, timePair, type TimingSummary } from './stats';

/** Measured runs of each command. */
export const CLI_RUNS = 15;
const WARM_UP_RUNS = 2;

/** Timings of `igtt token` and of a bare `node -e ''`. */
export interface CliRoundTrip {
  readonly token: TimingSummary;
  readonly reference: TimingSummary;
  /** Median `igtt token` minus median bare Node start. */
  readonly differenceMs: number;
}

function runNode(args: readonly string[], env: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    execFile(process.execPath, args, { env: { ...process.env, ...env } }, (error) => {
      if (error) fail(new Error(`node ${args.join(' ')} failed`, { cause: error }));
      else done();
    });
  });
}

/** Sets up a connected account with command-line access in the built extension, then times. */
export async function measureCliRoundTrip(
  extensionDir: string,
  runs = CLI_RUNS,
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
    const tokenSamples: number[] = [];
    const referenceSamples: number[] = [];
    for (let round = 0; round < WARM_UP_RUNS + runs; round += 1) {
      const [tokenMs, referenceMs] = await timePair(
        round,
        () =>
          home.run(['token']).then(({ code }) => {
            if (code !== 0) throw new Error(`igtt token exited ${code}`);
          }),
        () => runNode(['-e', ''], home.env),
      );
      if (round < WARM_UP_RUNS) continue;
      tokenSamples.push(tokenMs);
      referenceSamples.push(referenceMs);
    }
    const token = summarise(tokenSamples);
    const reference = summarise(referenceSamples);
    return { token, reference, differenceMs: token.medianMs - reference.medianMs };
  } finally {
    await harness.close();
    await home.remove();
  }
}
