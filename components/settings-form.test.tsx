import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDefaultSettings, type Settings } from '@/utils/settings/settings';
import { routeMessagesToBackground } from '@/tests/support/background-harness';
import { sendRequest } from '@/utils/page/send-request';
import { readSettings } from '@/utils/settings/settings-store';
import { SettingsForm } from './SettingsForm';

beforeEach(() => routeMessagesToBackground('options.html'));

function type(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

/** Renders the form with the background's own validation and store behind Save. */
function renderComplete(
  onSave = vi.fn((settings: Settings) =>
    sendRequest({ type: 'saveSettings', settings }).then(() => undefined),
  ),
) {
  render(<SettingsForm initial={createDefaultSettings()} onSave={onSave} />);
  type('Client ID', '990001234567890');
  type('Proxy URL', 'https://proxy.example.com');
  return onSave;
}

describe('token upkeep settings', () => {
  it('should save the refresh window, check interval, clipboard time and notifications', async () => {
    const onSave = renderComplete();

    type('Refresh days before expiry', '14');
    type('Check tokens every (hours)', '12');
    fireEvent.change(screen.getByLabelText('Clear a copied token from the clipboard'), {
      target: { value: 'null' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: /Notify me/ }));
    type('Warn days before expiry', '5');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByText('Saved.');
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      refreshWindowDays: 14,
      checkIntervalHours: 12,
      clipboardClearSeconds: null,
      notificationsEnabled: true,
      notifyDaysBeforeExpiry: 5,
    });
  });

  it('should explain an out-of-range or empty number beside its field', async () => {
    const before = await readSettings();
    renderComplete();

    type('Refresh days before expiry', '90');
    type('Check tokens every (hours)', '');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Enter a whole number of days from 1 to 59.')).toBeVisible();
    expect(screen.getByText('Enter a whole number of hours from 1 to 168.')).toBeVisible();
    expect(await readSettings()).toEqual(before);
  });
});
