import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { routeMessagesToBackground } from '@/tests/support/background-harness';
import { fakeToken, makeAccount } from '@/tests/support/fixtures';
import { json, stubFetch } from '@/tests/support/fake-fetch';
import type { AccountSummary } from '@/utils/vault/account-store';
import { listAccounts, saveAccount, updateAccount } from '@/utils/vault/account-store';
import { CLIPBOARD_ALARM } from '@/utils/clipboard/schedule-clear';
import { createDefaultSettings } from '@/utils/settings/settings';
import { settingsItem } from '@/utils/settings/settings-store';
import { enablePassphrase, lockVault } from '@/utils/vault/vault';
import { App } from './App';

const DAY = 86_400_000;
const TOKEN = fakeToken('PopupToken9');
async function configure(clientId = '990001234567890') {
  const settings = createDefaultSettings();
  settings.profiles[0] = {
    ...settings.profiles[0]!,
    clientId,
    proxyUrl: 'http://127.0.0.1:8787',
    graphUrl: 'http://127.0.0.1:8788',
  };
  await settingsItem.write(settings);
}

async function store(overrides: Partial<AccountSummary> = {}, token = TOKEN) {
  const account = makeAccount(overrides);
  await saveAccount(account.id, () => account, token);
  return account;
}

function card(username = 'sandbox.creator') {
  return screen.findByRole('listitem', { name: `@${username}` });
}

let writeText: ReturnType<typeof vi.fn>;

beforeEach(async () => {
  routeMessagesToBackground('popup.html');
  writeText = vi.fn(() => Promise.resolve());
  vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
  await configure();
});

describe('popup states', () => {
  it('should show loading, then a first-run Connect button', async () => {
    render(<App />);

    expect(screen.getByText('Loading…')).toBeVisible();
    expect(await screen.findByRole('button', { name: 'Connect Instagram account' })).toBeEnabled();
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });

  it('should point to setup when no client ID is set', async () => {
    await configure('');
    const openOptionsPage = vi.spyOn(browser.runtime, 'openOptionsPage').mockResolvedValue();
    render(<App />);

    expect(await screen.findByRole('button', { name: 'Connect Instagram account' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'open Settings' }));
    expect(openOptionsPage).toHaveBeenCalled();
  });

  it('should show the unlock form and "Locked" accounts while locked, and the tokens once unlocked', async () => {
    await store();
    await enablePassphrase('long enough pass');
    await lockVault();
    render(<App />);

    expect(within(await card()).getByText('Locked')).toBeVisible();
    expect(within(await card()).getByLabelText('Access token')).toHaveTextContent('••••••');
    expect(screen.queryByRole('button', { name: 'Connect Instagram account' })).toBeNull();
    fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'long enough pass' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));

    await waitFor(async () => expect(within(await card()).getByText('Valid')).toBeVisible());
    expect(within(await card()).getByLabelText('Access token')).toHaveTextContent(
      TOKEN.slice(0, 6),
    );
  });

  it('should say why a copy is refused while locked', async () => {
    await store();
    await enablePassphrase('long enough pass');
    await lockVault();
    render(<App />);

    fireEvent.click(within(await card()).getByRole('button', { name: 'Copy token' }));

    expect(await screen.findByText('Your tokens are locked.')).toBeVisible();
    expect(writeText).not.toHaveBeenCalled();
  });

  it('should explain an unreadable vault and offer to reset it', async () => {
    await browser.storage.local.set({ vault: { accounts: 'garbage' } });
    render(<App />);

    expect(await screen.findByRole('heading', { name: 'Stored tokens unreadable' })).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'Reset vault' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything and reset' }));
    expect(await screen.findByRole('button', { name: 'Connect Instagram account' })).toBeVisible();
  });

  it('should keep the other accounts usable beside one whose stored data is damaged', async () => {
    await store();
    await store({ id: '1020', username: 'third.account' }, fakeToken('Third3'));
    const stored = z
      .looseObject({ accounts: z.record(z.string(), z.looseObject({})) })
      .parse((await browser.storage.local.get('vault')).vault);
    stored.accounts['1020'] = { ...stored.accounts['1020'], id: 'abc' };
    await browser.storage.local.set({ vault: stored });
    render(<App />);

    const good = await card();
    fireEvent.click(within(good).getByRole('button', { name: 'Copy token' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(TOKEN));
    const damaged = screen.getByRole('listitem', { name: 'Unreadable account 1020' });
    expect(damaged).toHaveTextContent('not affected');
    fireEvent.click(within(damaged).getByRole('button', { name: 'Remove unreadable account' }));
    await waitFor(() =>
      expect(screen.queryByRole('listitem', { name: 'Unreadable account 1020' })).toBeNull(),
    );
    expect((await listAccounts()).map((account) => account.username)).toEqual(['sandbox.creator']);
  });

  it('should show a refused token as "Refused" with Instagram\'s reason', async () => {
    await store({
      health: 'refused',
      events: [
        {
          at: Date.now(),
          type: 'check_failed',
          ok: false,
          message: 'Instagram refused the request: (#10) Application does not have permission',
          hint: 'Check the app settings.',
        },
      ],
    });
    render(<App />);

    const refused = await card();
    expect(within(refused).getByText('Refused')).toBeVisible();
    expect(refused).toHaveTextContent('(#10) Application does not have permission');
  });

  it('should say that a token lasts one hour when Instagram refused the 60-day one', async () => {
    await store({ longLived: false, expiresAt: Date.now() + 3_600_000 });
    render(<App />);

    expect(await card()).toHaveTextContent('This token lasts one hour');
  });

  it('should update live when the background changes an account', async () => {
    const account = await store();
    render(<App />);
    expect(within(await card()).getByText('Valid')).toBeVisible();

    await updateAccount(account.id, (current) => ({ ...current, health: 'revoked' }));

    await waitFor(async () => expect(within(await card()).getByText('Revoked')).toBeVisible());
  });
});

describe('account card', () => {
  it('should show the avatar, @username, type, status, expiry with its bar, and the masked token', async () => {
    const now = Date.now();
    await store({
      expiresAt: now + 52 * DAY,
      profilePictureUrl: 'http://127.0.0.1:8788/avatars/a.svg',
    });
    render(<App />);

    const item = await card();
    expect(item).toHaveTextContent('@sandbox.creator Creator');
    expect(within(item).getByText('Valid')).toBeVisible();
    expect(item).toHaveTextContent(/Expires in 52 days · \d{1,2} \w{3} \d{4}/);
    expect(
      within(item).getByRole('progressbar', { name: 'Share of the 60 days left' }),
    ).toHaveAttribute('value');
    expect(within(item).getByLabelText('Access token')).toHaveTextContent(
      `${TOKEN.slice(0, 6)}…${TOKEN.slice(-4)}`,
    );
    expect(item).not.toHaveTextContent(TOKEN);
  });

  it.each([
    ['Expiring', { expiresAt: Date.now() + 5 * DAY }],
    ['Expired', { expiresAt: Date.now() - DAY }],
    ['Revoked', { health: 'revoked' as const }],
    ['Rate limited', { health: 'rate_limited' as const }],
    ['Offline', { health: 'network_error' as const }],
  ])('should show the %s chip', async (label, overrides) => {
    await store(overrides);
    render(<App />);

    expect(within(await card()).getByText(label)).toBeVisible();
  });

  it('should reveal the token on "Show" and hide it on "Hide"', async () => {
    await store();
    render(<App />);
    const item = await card();

    fireEvent.click(within(item).getByRole('button', { name: 'Show' }));
    await waitFor(() =>
      expect(within(item).getByLabelText('Access token')).toHaveTextContent(TOKEN),
    );
    fireEvent.click(within(item).getByRole('button', { name: 'Hide' }));

    expect(within(item).getByLabelText('Access token')).not.toHaveTextContent(TOKEN);
  });

  it.each([
    ['Copy token', TOKEN],
    ['Copy Authorization header', `Authorization: Bearer ${TOKEN}`],
    [
      'Copy curl command',
      `curl -H 'Authorization: Bearer ${TOKEN}' 'http://127.0.0.1:8788/me?fields=user_id,username'`,
    ],
    ['Copy .env line', `INSTAGRAM_ACCESS_TOKEN=${TOKEN}`],
  ])(
    'should "%s", say "Copied" and schedule the clipboard to be cleared',
    async (label, expected) => {
      await store();
      render(<App />);
      const item = await card();

      fireEvent.click(within(item).getByText('Copy as…'));
      fireEvent.click(await within(item).findByRole('button', { name: label }));

      await waitFor(() => expect(writeText).toHaveBeenCalledWith(expected));
      expect(await within(item).findByText('Copied')).toBeVisible();
      await waitFor(async () => expect(await browser.alarms.get(CLIPBOARD_ALARM)).toBeDefined());
    },
  );

  it('should copy JSON with the metadata', async () => {
    await store();
    render(<App />);

    const item = await card();
    fireEvent.click(within(item).getByText('Copy as…'));
    fireEvent.click(await within(item).findByRole('button', { name: 'Copy JSON' }));

    await waitFor(() => expect(writeText).toHaveBeenCalled());
    expect(JSON.parse(String(writeText.mock.calls[0]?.[0]))).toMatchObject({
      username: 'sandbox.creator',
      user_id: '27640875392278831',
      scopes: ['instagram_business_basic'],
      access_token: TOKEN,
    });
  });

  it('should inspect the token: kind, ids, scopes, dates, profile, proxy and history', async () => {
    await store({
      appScopedId: '9130000000000001',
      events: [
        {
          at: Date.now(),
          type: 'check_failed',
          ok: false,
          message: 'Instagram could not be reached.',
          hint: 'Check your connection.',
        },
      ],
    });
    render(<App />);
    const item = await card();

    fireEvent.click(within(item).getByText('Inspect'));
    // The panel's code loads when it first opens.
    await waitFor(() => expect(item).not.toHaveTextContent('Loading…'));

    for (const text of [
      'Instagram Login (IGAA…)',
      '27640875392278831',
      '9130000000000001',
      'instagram_business_basic',
      'Refresh possible from',
      'Default app',
      'http://127.0.0.1:8787',
      'Instagram could not be reached. Check your connection.',
    ]) {
      expect(item).toHaveTextContent(text);
    }
  });
});

describe('account actions', () => {
  it('should explain why a young token cannot be refreshed yet', async () => {
    await store();
    render(<App />);

    fireEvent.click(within(await card()).getByRole('button', { name: 'Refresh now' }));

    expect(
      await screen.findByText(/Instagram refreshes tokens from 24 hours of age: possible from/),
    ).toBeVisible();
  });

  it('should check the token on demand', async () => {
    await store();
    stubFetch({ '/me': () => json({ user_id: '27640875392278831', username: 'sandbox.creator' }) });
    render(<App />);

    fireEvent.click(within(await card()).getByRole('button', { name: 'Check now' }));

    expect(
      await screen.findByText('Checked with Instagram; the status above is current.'),
    ).toBeVisible();
  });

  it('should remove an account only after confirmation, and say how to revoke access', async () => {
    await store();
    render(<App />);

    fireEvent.click(within(await card()).getByRole('button', { name: 'Remove' }));
    const dialog = screen.getByRole('group', { name: 'Remove @sandbox.creator' });
    expect(dialog).toHaveTextContent('Instagram → Settings → Apps and websites');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));

    await waitFor(async () => expect(await listAccounts()).toEqual([]));
    await waitFor(() => expect(screen.queryByRole('listitem')).toBeNull());
  });
});

describe('import a token', () => {
  it('should check a pasted token with Instagram and add it with an unknown expiry', async () => {
    stubFetch({
      '/me': () =>
        json({
          id: '9130000000000002',
          user_id: '17841405793187218',
          username: 'sandbox.business',
          account_type: 'BUSINESS',
        }),
    });
    render(<App />);

    fireEvent.click(await screen.findByText('Import a token'));
    fireEvent.input(await screen.findByLabelText('Token to import'), {
      target: { value: `  ${TOKEN}\n` },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByText(/Imported @sandbox.business/)).toBeVisible();
    expect(await card('sandbox.business')).toHaveTextContent(
      'Expiry unknown until the first refresh',
    );
    stubFetch({
      '/refresh_access_token': () =>
        json({ access_token: fakeToken('Renewed4'), token_type: 'bearer', expires_in: 5_184_000 }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh it now' }));
    expect(await screen.findByText('Refreshed: valid for another 60 days.')).toBeVisible();
    await waitFor(async () =>
      expect(await card('sandbox.business')).toHaveTextContent('Expires in 60 days'),
    );
  });

  it.each([
    ['garbage', 'not a token', () => json({})],
    [
      'a revoked token',
      TOKEN,
      () =>
        json(
          {
            error: {
              message: 'Error validating access token: The session has been invalidated',
              type: 'OAuthException',
              code: 190,
              error_subcode: 460,
            },
          },
          400,
        ),
    ],
    [
      'a Basic Display token',
      `IGQWR${'x'.repeat(120)}`,
      () => json({ error: { message: 'must not be called', code: 100 } }, 400),
    ],
  ])('should refuse %s with a clear error and store nothing', async (_name, pasted, route) => {
    stubFetch({ '/me': route });
    render(<App />);

    fireEvent.click(await screen.findByText('Import a token'));
    fireEvent.input(await screen.findByLabelText('Token to import'), { target: { value: pasted } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('alert')).toBeVisible();
    expect(await listAccounts()).toEqual([]);
  });

  it('should tell a Basic Display token apart, say the API is gone, and not call Instagram', async () => {
    const calls = stubFetch({});
    render(<App />);

    fireEvent.click(await screen.findByText('Import a token'));
    fireEvent.input(await screen.findByLabelText('Token to import'), {
      target: { value: `IGQVJ${'y'.repeat(150)}` },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('shut the Basic Display API down on 4 December 2024');
    expect(alert).toHaveTextContent('API setup with Instagram login');
    expect(calls).toEqual([]);
  });
});

describe('many accounts', () => {
  it('should list 100 accounts and filter them by username past 5', async () => {
    for (let index = 0; index < 100; index += 1) {
      await store(
        { id: String(1000 + index), username: `creator.${String(index).padStart(3, '0')}` },
        fakeToken(`T${index}`),
      );
    }
    render(<App />);

    await waitFor(() =>
      expect(screen.getAllByRole('listitem', { name: /^@creator/ })).toHaveLength(100),
    );
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter accounts' }), {
      target: { value: '@creator.04' },
    });

    expect(screen.getAllByRole('listitem', { name: /^@creator/ })).toHaveLength(10);
  });

  it('should not offer a filter for a handful of accounts', async () => {
    await store();
    render(<App />);

    await card();
    expect(screen.queryByRole('searchbox')).toBeNull();
  });
});
