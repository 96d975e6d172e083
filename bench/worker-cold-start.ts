/**
 * The popup's first message to a stopped service worker: Chromium has to start the worker, run
 * its script and deliver the message before the reply can come. The worker is stopped through CDP
 * as Chromium stops an idle one; the reference is the same message to the running worker. The
 * message is `getState`, the one the popup sends when it opens.
 */
import type { LoadedExtension } from '../tests/support/browser/launch-extension';
import { stopServiceWorker } from '../tests/support/browser/service-worker-control';
import type { BenchPlan } from './bench-plan';
import type { ColdStart } from './results-schema';
import { measureRounds, summarise } from './stats';
import { timeGetState } from './time-get-state';

/**
 * A started worker runs its start-up sync (alarms, badge, bridge) beside the first message; the
 * warm reference is taken after that work is done, not while it competes.
 */
const SETTLE_AFTER_START_MS = 500;

/** Alternates which comes first: a stopped worker's reply, or a running one's. */
export async function measureColdStart(
  extension: LoadedExtension,
  accounts: number,
  plan: BenchPlan,
): Promise<ColdStart> {
  const popup = await extension.openPopup();
  try {
    const warm = () => timeGetState(popup).then((sample) => sample.ms);
    const cold = async () => {
      await stopServiceWorker(extension);
      const ms = await warm();
      await popup.waitForTimeout(SETTLE_AFTER_START_MS);
      return ms;
    };
    const rounds = await measureRounds(plan.warmUps, plan.coldStartRuns, async (round) => {
      if (round % 2 === 0) {
        const coldMs = await cold();
        return { coldMs, warmMs: await warm() };
      }
      const warmMs = await warm();
      return { coldMs: await cold(), warmMs };
    });
    return {
      accounts,
      cold: summarise(rounds.map((round) => round.coldMs)),
      warm: summarise(rounds.map((round) => round.warmMs)),
    };
  } finally {
    await popup.close();
  }
}
