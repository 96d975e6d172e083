import { fireEvent, render, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDefaultSettings, type Settings } from '@/utils/settings/settings';
import { routeMessagesToBackground } from '@/tests/support/background-harness';
import { sendRequest } from '@/utils/page/send-request';
import { readSettings, settingsItem } from '@/utils/settings/settings-store';
import { SettingsForm } from './SettingsForm';
import { ConnectPanel } from './ConnectPanel';
import { SetupCheck } from './SetupCheck';
import { json, stubFetch } from '@/tests/support/fake-fetch';

beforeEach(() => routeMessagesToBackground('options.html'));

const NOW = Date.parse('2026-11-28T12:00:00Z');

function type(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('SettingsForm', () => {
  const valid = () => {
    type('Client ID', '990001234567890');
    type('Proxy URL', 'https://proxy.example.com');
  };

  it('should offer every field by its label, with only instagram_business_basic ticked', () => {
    render(<SettingsForm initial={createDefaultSettings()} onSave={() => Promise.resolve()} />);

    expect(screen.getByLabelText('Client ID')).toHaveValue('');
    expect(screen.getByLabelText('Authorize URL')).toHaveValue(
      'https://www.instagram.com/oauth/authorize',
    );
    expect(screen.getByLabelText('Graph API URL')).toHaveValue('https://graph.instagram.com');
    const scopes = within(screen.getByRole('group', { name: 'Scopes' })).getAllByRole('checkbox');
    expect(scopes).toHaveLength(5);
    expect(scopes.filter((box) => box instanceof HTMLInputElement && box.checked)).toHaveLength(1);
    expect(screen.getByRole('checkbox', { name: /instagram_business_basic/ })).toBeChecked();
  });

  it('should save valid settings', async () => {
    const onSave = vi.fn((_settings: Settings) => Promise.resolve());
    render(<SettingsForm initial={createDefaultSettings()} onSave={onSave} />);

    valid();
    fireEvent.click(screen.getByRole('checkbox', { name: /instagram_business_manage_comments/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeVisible();
    expect(onSave.mock.calls[0]?.[0].profiles[0]).toMatchObject({
      clientId: '990001234567890',
      proxyUrl: 'https://proxy.example.com',
      scopes: ['instagram_business_basic', 'instagram_business_manage_comments'],
    });
  });

  it('should show each problem the background finds beside its field, and store nothing', async () => {
    const before = await readSettings();
    render(
      <SettingsForm
        initial={createDefaultSettings()}
        onSave={(settings) => sendRequest({ type: 'saveSettings', settings }).then(() => undefined)}
      />,
    );

    type('Client ID', 'my-app');
    type('Proxy URL', 'http://proxy.example.com');
    fireEvent.click(screen.getByRole('checkbox', { name: /instagram_business_basic/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('The Client ID is the App ID: digits only.')).toBeVisible();
    expect(screen.getByLabelText('Client ID')).toHaveAccessibleDescription(/digits only/);
    expect(screen.getByLabelText('Proxy URL')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/tokens cannot be refreshed without it/)).toBeVisible();
    expect(screen.queryByText('Saved.')).toBeNull();
    expect(await readSettings()).toEqual(before);
  });

  it('should keep several app profiles, each with its own settings', async () => {
    const onSave = vi.fn((_settings: Settings) => Promise.resolve());
    render(<SettingsForm initial={createDefaultSettings()} onSave={onSave} />);
    valid();
    expect(screen.queryByLabelText('App profile')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Add another app' }));
    type('Client ID', '111112222233333');
    type('Profile name', 'Client B');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByText('Saved.');
    const saved = onSave.mock.calls[0]?.[0];
    expect(saved?.profiles.map((p) => [p.name, p.clientId])).toEqual([
      ['Default app', '990001234567890'],
      ['Client B', '111112222233333'],
    ]);
    expect(screen.getByLabelText('App profile')).toBeVisible();
  });
});

describe('ConnectPanel', () => {
  const handlers = {
    onConnect: vi.fn(),
    onDismiss: vi.fn(),
    onOpenSettings: vi.fn(),
    setup: {
      flavor: 'instagram' as const,
      redirectUri: 'https://blocadghaajijcfckkjphjkhmmlcniff.chromiumapp.org/',
      clientId: '990001234567890',
      scopes: ['instagram_business_basic'],
    },
  };

  it('should start the flow from a named button', () => {
    render(<ConnectPanel progress={null} setupComplete {...handlers} />);

    fireEvent.click(screen.getByRole('button', { name: 'Connect Instagram account' }));

    expect(handlers.onConnect).toHaveBeenCalledTimes(1);
  });

  it('should show progress and block a second start while the flow runs', () => {
    render(
      <ConnectPanel
        progress={{ phase: 'authorizing', profileId: 'default', updatedAt: NOW }}
        setupComplete
        {...handlers}
      />,
    );

    expect(screen.getByRole('button', { name: 'Connecting…' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Waiting for you to allow access');
  });

  it('should point to Settings when no app is set up', () => {
    render(<ConnectPanel progress={null} setupComplete={false} {...handlers} />);

    expect(screen.getByRole('button', { name: 'Connect Instagram account' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'open Settings' }));
    expect(handlers.onOpenSettings).toHaveBeenCalledTimes(1);
  });

  it('should show a failure with its fix, and no setup checklist for a denial', () => {
    render(
      <ConnectPanel
        progress={failed('auth_declined', 'You declined access on Instagram.')}
        setupComplete
        {...handlers}
      />,
    );

    expect(screen.getByRole('alert')).toHaveTextContent('You declined access on Instagram.');
    expect(screen.queryByRole('list', { name: 'Setup checklist' })).toBeNull();
  });

  it('should explain a window closed without an answer with the checklist for this profile', async () => {
    render(
      <ConnectPanel
        progress={failed(
          'auth_cancelled',
          'The Instagram window closed before the login finished.',
        )}
        setupComplete
        {...handlers}
      />,
    );

    const checklist = await screen.findByRole('list', { name: 'Setup checklist' });
    expect(checklist).toHaveTextContent(handlers.setup.redirectUri);
    expect(checklist).toHaveTextContent('990001234567890');
    expect(checklist).toHaveTextContent('Tester invites');
    expect(checklist).toHaveTextContent('instagram_business_basic');
    expect(within(checklist).getByRole('button', { name: 'Copy redirect URI' })).toBeVisible();
  });

  it('should offer "Try again" with the same profile after a one-hour token', () => {
    render(
      <ConnectPanel
        progress={{
          phase: 'done',
          profileId: 'second',
          updatedAt: NOW,
          username: 'sandbox.creator',
          shortLived: true,
        }}
        setupComplete
        {...handlers}
      />,
    );

    expect(screen.getByRole('status')).toHaveTextContent('only for one hour');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(handlers.onConnect).toHaveBeenCalledWith('second');
  });
});

function failed(code: 'auth_declined' | 'auth_cancelled', message: string) {
  return {
    phase: 'failed' as const,
    profileId: 'default',
    updatedAt: NOW,
    error: { code, message, hint: 'Try again.' },
  };
}

describe('SetupCheck', () => {
  beforeEach(async () => {
    const settings = createDefaultSettings();
    settings.profiles[0] = {
      ...settings.profiles[0]!,
      clientId: '990001234567890',
      proxyUrl: 'http://127.0.0.1:8787',
    };
    await settingsItem.write(settings);
  });

  it('should ask the proxy, and name the fix for each problem it reports', async () => {
    const calls = stubFetch({
      '/v1/setup-check': () =>
        json({ client_id_known: false, redirect_uri_allowed: false, origin_allowed: true }),
    });
    render(
      <SetupCheck
        check={() => sendRequest({ type: 'checkSetup' })}
        origin="chrome-extension://test-extension-id"
      />,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Check setup' }));

    const result = await screen.findByRole('status', { name: 'Setup check result' });
    expect(result).toHaveTextContent('Set IG_CLIENT_ID=990001234567890');
    expect(result).toHaveTextContent(
      'Add https://test-extension-id.chromiumapp.org/ to IG_REDIRECT_URIS',
    );
    expect(result).not.toHaveTextContent('PROXY_ALLOWED_ORIGINS');
    expect(within(result).getByRole('list', { name: 'Setup checklist' })).toBeVisible();
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({
      client_id: '990001234567890',
      redirect_uri: 'https://test-extension-id.chromiumapp.org/',
    });
  });

  it('should say so when the proxy cannot be reached', async () => {
    stubFetch({});
    render(
      <SetupCheck
        check={() => sendRequest({ type: 'checkSetup' })}
        origin="chrome-extension://test-extension-id"
      />,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Check setup' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The exchange proxy could not be reached.',
    );
  });
});
