import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { CLIPBOARD_ALARM, runClipboardJob, scheduleClipboardClear } from './schedule-clear';
import { clearIfUnchanged, sha256Hex, type ClipboardAccess } from './clipboard-guard';
import { handleAlarm } from '@/utils/background/handle-alarm';

function fakeClipboard(initial: string): ClipboardAccess & { text: string } {
  const clipboard = {
    text: initial,
    read: () => Promise.resolve(clipboard.text),
    write: (text: string) => {
      clipboard.text = text;
      return Promise.resolve();
    },
  };
  return clipboard;
}

describe('clearIfUnchanged', () => {
  it('should empty the clipboard while it still holds the copied token', async () => {
    const clipboard = fakeClipboard('IGAAtoken');

    expect(await clearIfUnchanged(await sha256Hex('IGAAtoken'), clipboard)).toBe(true);
    expect(clipboard.text).toBe('');
  });

  it('should leave alone whatever the user copied since', async () => {
    const clipboard = fakeClipboard('something else');

    expect(await clearIfUnchanged(await sha256Hex('IGAAtoken'), clipboard)).toBe(false);
    expect(clipboard.text).toBe('something else');
  });
});

describe('scheduling (Firefox: alarm and background page)', () => {
  it('should keep only a hash, and clear when the alarm fires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
    const hash = await sha256Hex('IGAAtoken');

    await scheduleClipboardClear(hash, 60);

    expect((await browser.alarms.get(CLIPBOARD_ALARM))?.scheduledTime).toBe(Date.now() + 60_000);
    expect(JSON.stringify(await browser.storage.session.get(null))).not.toContain('IGAAtoken');
    const clipboard = fakeClipboard('IGAAtoken');
    await runClipboardJob(clipboard);
    expect(clipboard.text).toBe('');
  });

  it('should be run by the alarm handler', async () => {
    const readText = vi.fn(() => Promise.resolve(''));
    vi.stubGlobal('navigator', { ...navigator, clipboard: { readText, writeText: vi.fn() } });
    await scheduleClipboardClear(await sha256Hex('x'), 15);

    await handleAlarm(CLIPBOARD_ALARM);

    expect(readText).toHaveBeenCalledTimes(1);
  });
});
