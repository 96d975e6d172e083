import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { ensureAlarms } from '@/utils/alarms';
import { updateBadge } from '@/utils/badge';
import { handleAlarm } from '@/utils/handle-alarm';
import { abandonInterruptedConnect, browserPlatform } from '@/utils/connect-account';
import { handleMessage } from '@/utils/handle-message';
import { reportBackgroundError } from '@/utils/report-background-error';

export default defineBackground({
  main() {
    const context = {
      id: browser.runtime.id,
      baseUrl: browser.runtime.getURL('/'),
      platform: browserPlatform(),
    };

    // Listeners are registered synchronously so that the event that woke the worker is delivered.
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      handleMessage(message, sender, context).then(sendResponse, reportBackgroundError);
      return true;
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      handleAlarm(alarm.name).catch(reportBackgroundError);
    });
    browser.storage.onChanged.addListener(() => {
      updateBadge().catch(reportBackgroundError);
    });
    browser.runtime.onInstalled.addListener(() => {
      ensureAlarms().catch(reportBackgroundError);
    });
    browser.runtime.onStartup.addListener(() => {
      ensureAlarms().catch(reportBackgroundError);
    });

    ensureAlarms().catch(reportBackgroundError);
    updateBadge().catch(reportBackgroundError);
    abandonInterruptedConnect().catch(reportBackgroundError);
  },
});
