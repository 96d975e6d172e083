import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFacebookToken } from '@/tests/support/fixtures';
import { json, stubFetch } from '@/tests/support/fake-fetch';
import { AppError } from '@/utils/errors';
import { listAccounts, readAccountToken } from '@/utils/vault/account-store';
import { saveLinkedAccounts } from './save-linked-accounts';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const DAY = 86_400_000;
const GRAPH = 'http://127.0.0.1:8788/facebook/v25.0';
const ACCOUNTS_PATH = '/facebook/v25.0/me/accounts';
const USER_TOKEN = fakeFacebookToken('User1');
const BUSINESS_PAGE_TOKEN = `EAA${'PageA'.repeat(30)}`;
const SHOP_PAGE_TOKEN = `EAA${'PageB'.repeat(30)}`;

const BUSINESS_PAGE = {
  id: '104000000000001',
  name: 'Sandbox Business Page',
  access_token: BUSINESS_PAGE_TOKEN,
  instagram_business_account: { id: '17841405793187218', username: 'sandbox.business' },
};
const SHOP_PAGE = {
  id: '104000000000003',
  name: 'Sandbox Shop Page',
  access_token: SHOP_PAGE_TOKEN,
  instagram_business_account: {
    id: '17841400000000003',
    username: 'sandbox.shop',
    profile_picture_url: 'http://127.0.0.1:8788/avatars/sandbox.shop.svg',
  },
};
const SIDE_PAGE = { id: '104000000000002', name: 'Sandbox Side Page', access_token: 'EAAside' };
const EVENTS_PAGE = { id: '104000000000004', name: 'Sandbox Events Page' };

/** What a Facebook Login connect hands over. */
const FACTS = {
  token: USER_TOKEN,
  profileId: 'facebook',
  scopes: ['instagram_basic', 'pages_show_list'],
  issuedAt: NOW,
  expiresAt: NOW + 60 * DAY,
  dataAccessExpiresAt: NOW + 90 * DAY,
  origin: 'connect' as const,
};

function stubPages(pages: unknown[]) {
  return stubFetch({ [ACCOUNTS_PATH]: () => json({ data: pages }) });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

describe('saveLinkedAccounts', () => {
  it('should store one card per linked Page, each with the user token and its own Page token', async () => {
    stubPages([BUSINESS_PAGE, SIDE_PAGE, SHOP_PAGE]);

    const saved = await saveLinkedAccounts(GRAPH, FACTS);

    expect(saved).toEqual({
      accounts: [
        { id: '17841405793187218', username: 'sandbox.business' },
        { id: '17841400000000003', username: 'sandbox.shop' },
      ],
      usernames: 'sandbox.business, @sandbox.shop',
      replaced: false,
      detail:
        '@sandbox.business via Sandbox Business Page and @sandbox.shop via Sandbox Shop Page. ' +
        'Sandbox Side Page: no Instagram account linked.',
    });
    const accounts = await listAccounts();
    expect(accounts).toHaveLength(2);
    expect(accounts[0]).toMatchObject({
      id: '17841405793187218',
      username: 'sandbox.business',
      profileId: 'facebook',
      tokenKind: 'facebook_login',
      scopes: ['instagram_basic', 'pages_show_list'],
      issuedAt: NOW,
      expiresAt: NOW + 60 * DAY,
      dataAccessExpiresAt: NOW + 90 * DAY,
      page: { id: BUSINESS_PAGE.id, name: BUSINESS_PAGE.name },
      events: [
        expect.objectContaining({
          type: 'connected',
          ok: true,
          message: 'Connected through the Page Sandbox Business Page.',
        }),
      ],
    });
    expect(accounts[1]).toMatchObject({
      id: '17841400000000003',
      profilePictureUrl: SHOP_PAGE.instagram_business_account.profile_picture_url,
      page: { id: SHOP_PAGE.id, name: SHOP_PAGE.name },
    });
    for (const account of accounts) {
      await expect(readAccountToken(account.id)).resolves.toBe(USER_TOKEN);
      // The Page token stays out of the summary pages see.
      expect(JSON.stringify(account)).not.toContain('EAA');
    }
    await expect(readAccountToken('17841405793187218', 'pageToken')).resolves.toBe(
      BUSINESS_PAGE_TOKEN,
    );
    await expect(readAccountToken('17841400000000003', 'pageToken')).resolves.toBe(SHOP_PAGE_TOKEN);
  });

  it('should say so when a login replaced an account stored before, and keep one card for it', async () => {
    stubPages([BUSINESS_PAGE]);
    await saveLinkedAccounts(GRAPH, FACTS);
    vi.setSystemTime(NOW + DAY);
    const newPageToken = `EAA${'PageC'.repeat(30)}`;
    stubPages([{ ...BUSINESS_PAGE, access_token: newPageToken }, SHOP_PAGE]);

    const saved = await saveLinkedAccounts(GRAPH, { ...FACTS, issuedAt: NOW + DAY });

    expect(saved.replaced).toBe(true);
    const accounts = await listAccounts();
    expect(accounts.map((account) => account.username)).toEqual([
      'sandbox.business',
      'sandbox.shop',
    ]);
    expect(accounts[0]).toMatchObject({
      connectedAt: NOW,
      issuedAt: NOW + DAY,
      events: [
        expect.objectContaining({
          type: 'reconnected',
          message:
            'Reconnected through the Page Sandbox Business Page; the old token was replaced.',
        }),
        expect.objectContaining({ type: 'connected' }),
      ],
    });
    await expect(readAccountToken('17841405793187218', 'pageToken')).resolves.toBe(newPageToken);
  });

  it('should refuse with instagram_not_linked naming the Pages without an account, and store nothing', async () => {
    stubPages([SIDE_PAGE, EVENTS_PAGE]);

    const error = await saveLinkedAccounts(GRAPH, FACTS).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'instagram_not_linked',
      message:
        'None of your Pages (Sandbox Side Page and Sandbox Events Page) has an Instagram account linked to it.',
      hint: 'Link a professional Instagram account to a Page you manage (Page settings → Linked accounts → Instagram), then connect again.',
    });
    await expect(listAccounts()).resolves.toEqual([]);
  });

  it('should refuse a user without any Page with the plain instagram_not_linked message', async () => {
    stubPages([]);

    await expect(saveLinkedAccounts(GRAPH, FACTS)).rejects.toMatchObject({
      code: 'instagram_not_linked',
      message: 'No Instagram account is linked to a Facebook Page of this user.',
    });
    await expect(listAccounts()).resolves.toEqual([]);
  });

  it('should store nothing when the Pages cannot be read', async () => {
    stubFetch({ [ACCOUNTS_PATH]: () => json({ unexpected: true }) });

    await expect(saveLinkedAccounts(GRAPH, FACTS)).rejects.toMatchObject({
      code: 'instagram_unavailable',
    });
    await expect(listAccounts()).resolves.toEqual([]);
  });
});
