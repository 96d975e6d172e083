import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DebugToken } from '@/shared/exchange-contract';
import { FACEBOOK_SCOPE_NAMES, INSTAGRAM_SCOPE_NAMES } from '@/shared/instagram-scopes';
import { routeMessagesToBackground } from '@/tests/support/background-harness';
import { makeAccount } from '@/tests/support/fixtures';
import type { ProfileView } from '@/utils/background/read-app-state';
import { formatDateTime } from '@/utils/page/format-time';
import { RequestError, sendRequest } from '@/utils/page/send-request';
import { createDefaultSettings, type Settings } from '@/utils/settings/settings';
import { readSettings } from '@/utils/settings/settings-store';
import { AccountCard, type AccountCardProps } from './AccountCard';
import { DebugTokenFacts } from './DebugTokenFacts';
import { SettingsForm } from './SettingsForm';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-28T12:00:00Z');
const NOW_S = NOW / 1000;
const USER_TOKEN = `EAA${'User1'.repeat(30)}`;
const PAGE_TOKEN = `EAA${'Page1'.repeat(30)}`;
const BUSINESS_ID = '17841405793187218';

const PROFILE: ProfileView = {
  id: 'facebook',
  name: 'Facebook app',
  flavor: 'facebook',
  graphVersion: 'v25.0',
  clientId: '480001234567890',
  scopes: ['instagram_basic', 'pages_show_list'],
  proxyUrl: 'http://127.0.0.1:8787',
  graphUrl: 'http://127.0.0.1:8788/facebook',
};

/** What `debug_token` says of the live user token, with a field the panel does not know. */
const DEBUG: DebugToken = {
  app_id: '480001234567890',
  type: 'USER',
  application: 'Token Tool Sandbox',
  data_access_expires_at: NOW_S + 90 * 86_400,
  expires_at: NOW_S + 60 * 86_400,
  is_valid: true,
  issued_at: NOW_S,
  scopes: ['instagram_basic', 'pages_show_list', 'business_management'],
  granular_scopes: [
    { scope: 'instagram_basic', target_ids: [BUSINESS_ID] },
    { scope: 'pages_show_list', target_ids: ['104000000000001', '104000000000002'] },
    { scope: 'business_management' },
  ],
  user_id: '10158000000000001',
  metadata: { auth_type: 'rerequest', sso: 'ios' },
};

function facebookAccount(overrides: Parameters<typeof makeAccount>[0] = {}) {
  return makeAccount({
    id: BUSINESS_ID,
    username: 'sandbox.business',
    accountType: undefined,
    profileId: 'facebook',
    scopes: ['instagram_basic', 'pages_show_list'],
    tokenKind: 'facebook_login',
    issuedAt: NOW,
    expiresAt: NOW + 60 * DAY,
    dataAccessExpiresAt: NOW + 90 * DAY,
    page: { id: '104000000000001', name: 'Sandbox Business Page' },
    ...overrides,
  });
}

function renderCard(overrides: Partial<AccountCardProps> = {}) {
  const props: AccountCardProps = {
    account: facebookAccount(),
    status: 'valid',
    preview: 'EAAUse…ser1',
    profile: PROFILE,
    profileDeleted: false,
    now: NOW,
    readToken: vi.fn(() => Promise.resolve(USER_TOKEN)),
    readPageToken: vi.fn(() => Promise.resolve(PAGE_TOKEN)),
    inspect: vi.fn(() => Promise.resolve(DEBUG)),
    onCopied: vi.fn(),
    refresh: vi.fn(() => Promise.resolve('Refreshed.')),
    check: vi.fn(() => Promise.resolve('Checked.')),
    reconnect: vi.fn(() => Promise.resolve()),
    remove: vi.fn(() => Promise.resolve()),
    ...overrides,
  };
  render(<AccountCard {...props} />);
  return { props, card: screen.getByRole('listitem', { name: '@sandbox.business' }) };
}

/** The rows of a `<dl>` as term → detail. */
function factsOf(list: HTMLElement): Record<string, string> {
  return Object.fromEntries(
    [...list.querySelectorAll(':scope > div')].map((row) => [
      row.querySelector('dt')?.textContent ?? '',
      row.querySelector('dd')?.textContent ?? '',
    ]),
  );
}

let writeText: ReturnType<typeof vi.fn>;

beforeEach(() => {
  writeText = vi.fn(() => Promise.resolve());
  vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
});

describe('the account card of a Facebook Login account', () => {
  it('should say which Page it came through and when data access ends', () => {
    const { card } = renderCard();

    expect(within(card).getByText('Via the Facebook Page Sandbox Business Page')).toBeVisible();
    expect(within(card).getByText(/^Data access ends in 90 days/)).toBeVisible();
    expect(within(card).getByText(/^Expires in 60 days/)).toBeVisible();
    expect(within(card).getByText('The Page token does not expire.')).toBeVisible();
  });

  it('should offer Check now, Reconnect and Remove, but no Refresh now', () => {
    const { card } = renderCard();

    expect(within(card).queryByRole('button', { name: 'Refresh now' })).toBeNull();
    for (const name of ['Check now', 'Reconnect', 'Remove']) {
      expect(within(card).getByRole('button', { name })).toBeVisible();
    }
  });

  it('should copy the Page token, read at click time, and hand it over to be cleared later', async () => {
    const { card, props } = renderCard();
    expect(props.readPageToken).not.toHaveBeenCalled();

    fireEvent.click(within(card).getByRole('button', { name: 'Copy Page token' }));

    await waitFor(() => expect(writeText).toHaveBeenCalledWith(PAGE_TOKEN));
    expect(props.readPageToken).toHaveBeenCalledTimes(1);
    expect(props.readToken).not.toHaveBeenCalled();
    expect(props.onCopied).toHaveBeenCalledWith(PAGE_TOKEN);
    expect(await within(card).findByText('Copied')).toBeVisible();
  });

  it('should copy the user token with "Copy token"', async () => {
    const { card } = renderCard();

    fireEvent.click(within(card).getByRole('button', { name: 'Copy token' }));

    await waitFor(() => expect(writeText).toHaveBeenCalledWith(USER_TOKEN));
  });

  it('should say why the Page token could not be copied', async () => {
    const { card } = renderCard({
      readPageToken: () =>
        Promise.reject(
          new RequestError({
            code: 'vault_locked',
            message: 'Your tokens are locked.',
            hint: 'Unlock them first.',
          }),
        ),
    });

    fireEvent.click(within(card).getByRole('button', { name: 'Copy Page token' }));

    expect(await within(card).findByText('Your tokens are locked.')).toBeVisible();
    expect(writeText).not.toHaveBeenCalled();
  });

  it('should say the Page token ends with a one-hour user token', () => {
    const { card } = renderCard({
      account: facebookAccount({ longLived: false, expiresAt: NOW + 3_600_000 }),
    });

    expect(within(card).getByText('The Page token ends with this one-hour token.')).toBeVisible();
  });

  it('should show debug_token, the Page and the end of data access in Inspect', async () => {
    const { card, props } = renderCard();

    fireEvent.click(within(card).getByText('Inspect'));
    const debug = await within(card).findByRole('region', { name: 'debug_token' });

    expect(props.inspect).toHaveBeenCalledTimes(1);
    expect(factsOf(debug.querySelector('dl')!)).toMatchObject({
      type: 'USER',
      user_id: '10158000000000001',
    });
    expect(within(debug).getByRole('list', { name: 'Granular scopes' })).toBeVisible();
    const panel = factsOf(card.querySelector<HTMLElement>('.inspect > dl')!);
    expect(panel).toMatchObject({
      Kind: 'Facebook Login (EAA…)',
      Page: 'Sandbox Business Page (104000000000001)',
      'Data access expires': formatDateTime(NOW + 90 * DAY),
      Refresh: 'not possible for Facebook Login tokens: reconnect before they end',
    });
  });
});

describe('an Instagram Login account card', () => {
  it('should offer Refresh now and no Page token', () => {
    const instagram = makeAccount({ id: BUSINESS_ID, username: 'sandbox.business' });
    const { card } = renderCard({ account: instagram, inspect: undefined });

    expect(within(card).getByRole('button', { name: 'Refresh now' })).toBeVisible();
    expect(within(card).queryByRole('button', { name: 'Copy Page token' })).toBeNull();
    expect(within(card).queryByText(/Via the Facebook Page/)).toBeNull();
    expect(within(card).queryByText(/Data access ends/)).toBeNull();
  });
});

describe('DebugTokenFacts', () => {
  async function renderFacts(data: DebugToken) {
    render(<DebugTokenFacts inspect={() => Promise.resolve(data)} />);
    const region = await screen.findByRole('region', { name: 'debug_token' });
    return { region, facts: factsOf(region.querySelector('dl')!) };
  }

  it('should list every field, the unknown ones as JSON', async () => {
    const { region, facts } = await renderFacts(DEBUG);

    expect(within(region).getByRole('heading', { name: 'debug_token' })).toBeVisible();
    expect(facts).toEqual({
      type: 'USER',
      application: 'Token Tool Sandbox (480001234567890)',
      user_id: '10158000000000001',
      is_valid: 'yes',
      issued_at: formatDateTime(NOW),
      expires_at: formatDateTime(NOW + 60 * DAY),
      data_access_expires_at: formatDateTime(NOW + 90 * DAY),
      scopes: 'instagram_basic, pages_show_list, business_management',
      metadata: '{"auth_type":"rerequest","sso":"ios"}',
    });
  });

  it('should list the granular scopes with their target ids', async () => {
    const { region } = await renderFacts(DEBUG);

    const granular = within(region).getByRole('list', { name: 'Granular scopes' });
    expect(
      within(granular)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      `instagram_basic: ${BUSINESS_ID}`,
      'pages_show_list: 104000000000001, 104000000000002',
      'business_management: every asset (not limited to targets)',
    ]);
  });

  it("should show a Page token's never-ending expiry, its Page, and what is not given", async () => {
    const { region, facts } = await renderFacts({
      app_id: '480001234567890',
      type: 'PAGE',
      expires_at: 0,
      is_valid: true,
      scopes: [],
      profile_id: '104000000000001',
    });

    expect(facts).toEqual({
      type: 'PAGE',
      application: '480001234567890',
      user_id: 'not given',
      is_valid: 'yes',
      issued_at: 'not given',
      expires_at: 'never',
      data_access_expires_at: 'not given',
      scopes: 'none',
      profile_id: '"104000000000001"',
    });
    expect(within(region).queryByRole('list', { name: 'Granular scopes' })).toBeNull();
  });

  it("should show an invalid token's error message", async () => {
    const { facts } = await renderFacts({
      ...DEBUG,
      is_valid: false,
      error: {
        code: 190,
        subcode: 460,
        message: 'Error validating access token: The session has been invalidated.',
      },
    });

    expect(facts.is_valid).toBe(
      'no: Error validating access token: The session has been invalidated.',
    );
    expect(facts).not.toHaveProperty('error');
  });

  it('should say why debug_token could not be asked', async () => {
    render(
      <DebugTokenFacts
        inspect={() =>
          Promise.reject(
            new RequestError({
              code: 'proxy_unreachable',
              message: 'The proxy could not be reached.',
              hint: 'Check the proxy URL.',
            }),
          )
        }
      />,
    );

    expect(await screen.findByRole('alert')).toHaveTextContent('The proxy could not be reached.');
    expect(screen.queryByRole('region', { name: 'debug_token' })).toBeNull();
  });
});

describe('the settings form switched to Facebook Login', () => {
  beforeEach(() => routeMessagesToBackground('options.html'));

  function renderForm(onSave = vi.fn((_settings: Settings) => Promise.resolve())) {
    render(<SettingsForm initial={createDefaultSettings()} onSave={onSave} />);
    fireEvent.change(screen.getByRole('combobox', { name: /^Login/ }), {
      target: { value: 'facebook' },
    });
    return onSave;
  }

  it('should show the Graph API version and the Facebook permissions, least privilege ticked', () => {
    renderForm();

    expect(screen.getByLabelText('Graph API version')).toHaveValue('v25.0');
    expect(screen.getByLabelText('Dialog URL')).toBeVisible();
    expect(screen.queryByLabelText('Authorize URL')).toBeNull();
    const permissions = screen.getByRole('group', { name: 'Permissions' });
    const boxes = within(permissions).getAllByRole('checkbox');
    expect(boxes).toHaveLength(FACEBOOK_SCOPE_NAMES.length);
    for (const scope of FACEBOOK_SCOPE_NAMES) {
      const box = within(permissions).getByRole('checkbox', { name: new RegExp(`^${scope} `) });
      if (scope === 'instagram_basic' || scope === 'pages_show_list') expect(box).toBeChecked();
      else expect(box).not.toBeChecked();
    }
    for (const scope of INSTAGRAM_SCOPE_NAMES) {
      expect(screen.queryByRole('checkbox', { name: new RegExp(`^${scope} `) })).toBeNull();
    }
  });

  it('should hide the version again when switched back to Instagram Login', () => {
    renderForm();

    fireEvent.change(screen.getByRole('combobox', { name: /^Login/ }), {
      target: { value: 'instagram' },
    });

    expect(screen.queryByLabelText('Graph API version')).toBeNull();
    expect(screen.getByRole('group', { name: 'Scopes' })).toBeVisible();
  });

  it('should save a Facebook Login profile through the background', async () => {
    const onSave = renderForm(
      vi.fn((settings: Settings) =>
        sendRequest({ type: 'saveSettings', settings }).then(() => undefined),
      ),
    );
    fireEvent.input(screen.getByLabelText('Client ID'), { target: { value: '480001234567890' } });
    fireEvent.input(screen.getByLabelText('Proxy URL'), {
      target: { value: 'https://proxy.example.com' },
    });
    fireEvent.input(screen.getByLabelText('Graph API version'), { target: { value: 'v24.0' } });

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeVisible();
    expect(onSave).toHaveBeenCalledTimes(1);
    expect((await readSettings()).profiles[0]).toMatchObject({
      flavor: 'facebook',
      clientId: '480001234567890',
      scopes: ['instagram_basic', 'pages_show_list'],
      graphVersion: 'v24.0',
    });
  });

  it('should explain a malformed version and a missing permission beside their fields', async () => {
    renderForm(
      vi.fn((settings: Settings) =>
        sendRequest({ type: 'saveSettings', settings }).then(() => undefined),
      ),
    );
    fireEvent.input(screen.getByLabelText('Client ID'), { target: { value: '480001234567890' } });
    fireEvent.input(screen.getByLabelText('Proxy URL'), {
      target: { value: 'https://proxy.example.com' },
    });
    fireEvent.input(screen.getByLabelText('Graph API version'), { target: { value: '25' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /^pages_show_list / }));

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Write the Graph API version like v25.0.')).toBeVisible();
    expect(screen.getByText(/^instagram_basic and pages_show_list are required/)).toBeVisible();
    expect((await readSettings()).profiles[0]?.flavor).toBe('instagram');
  });
});
