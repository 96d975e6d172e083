import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import {
  abandonInterruptedConnect,
  browserPlatform,
  startConnect,
} from '@/utils/connect/connect-account';
import { handleAlarm } from '@/utils/background/handle-alarm';
import { handleMessage } from '@/utils/background/handle-message';
import { keepAliveWhile } from '@/utils/background/keep-alive';
import { reconnectFromNotification } from '@/utils/upkeep/notify-accounts';
import { reportBackgroundError } from '@/utils/background/report-background-error';
import { requestSync } from '@/utils/background/sync-derived-state';

/** How long a freshly started worker waits before its start-up sync. */
const STARTUP_SYNC_DELAY_MS = 1_000;

export default defineBackground({
  main() {
    // Every login begun before this moment belonged to a worker that has stopped.
    const startedAt = Date.now();
    const context = {
      id: browser.runtime.id,
      baseUrl: browser.runtime.getURL('/'),
      platform: browserPlatform(),
    };
    const sync = () => requestSync().catch(reportBackgroundError);
    const reconnect = (notificationId: string) =>
      keepAliveWhile(
        reconnectFromNotification(notificationId, (profileId) =>
          startConnect(profileId, context.platform),
        ),
      ).catch(reportBackgroundError);

    // Listeners are registered synchronously so that the event that woke the worker is delivered.
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      keepAliveWhile(handleMessage(message, sender, context)).then(
        sendResponse,
        reportBackgroundError,
      );
      return true;
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      keepAliveWhile(handleAlarm(alarm.name)).catch(reportBackgroundError);
    });
    browser.storage.onChanged.addListener(() => void sync());
    // Listening for start-up makes the browser start the worker with it, so missed checks run.
    browser.runtime.onStartup.addListener(() => void sync());
    browser.runtime.onInstalled.addListener(() => void sync());
    // The notifications API exists only once its optional permission is granted.
    browser.notifications?.onClicked.addListener((id) => void reconnect(id));
    browser.notifications?.onButtonClicked.addListener((id) => void reconnect(id));

    // The start-up sync (every alarm, the badge, the bridge) waits a moment: the event that woke
    // the worker, often the popup's first message, is answered first (BENCHMARKS.md, cold start).
    setTimeout(() => void sync(), STARTUP_SYNC_DELAY_MS);
    abandonInterruptedConnect(startedAt).catch(reportBackgroundError);
  },
});
