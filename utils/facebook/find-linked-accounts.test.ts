import { describe, expect, it } from 'vitest';
import { json, stubFetch, type FakeCall } from '@/tests/support/fake-fetch';
import { GraphError } from '@/utils/instagram/graph-client';
import { findLinkedAccounts } from './find-linked-accounts';

const GRAPH = 'http://127.0.0.1:8788/facebook/v25.0';
const ACCOUNTS_PATH = '/facebook/v25.0/me/accounts';
const USER_TOKEN = `EAA${'u'.repeat(120)}`;
const PAGE_TOKEN = `EAA${'p'.repeat(120)}`;

const BUSINESS_PAGE = {
  id: '104000000000001',
  name: 'Sandbox Business Page',
  access_token: PAGE_TOKEN,
  instagram_business_account: {
    id: '17841405793187218',
    username: 'sandbox.business',
    profile_picture_url: 'http://127.0.0.1:8788/avatars/sandbox.business.svg',
  },
};
const SIDE_PAGE = { id: '104000000000002', name: 'Sandbox Side Page', access_token: PAGE_TOKEN };

/** Answers `/me/accounts` with `pages[n]` on call n (the last one again after that). */
function stubPages(...pages: unknown[]): FakeCall[] {
  let index = 0;
  return stubFetch({
    [ACCOUNTS_PATH]: () => json(pages[Math.min(index++, pages.length - 1)]),
  });
}

describe('findLinkedAccounts', () => {
  it('should split the Pages into linked Instagram accounts and the names of the others', async () => {
    const calls = stubPages({ data: [BUSINESS_PAGE, SIDE_PAGE] });

    const found = await findLinkedAccounts(GRAPH, USER_TOKEN);

    expect(found).toEqual({
      linked: [
        {
          page: { id: BUSINESS_PAGE.id, name: BUSINESS_PAGE.name, token: PAGE_TOKEN },
          instagram: {
            id: '17841405793187218',
            username: 'sandbox.business',
            profilePictureUrl: BUSINESS_PAGE.instagram_business_account.profile_picture_url,
          },
        },
      ],
      unlinked: ['Sandbox Side Page'],
    });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url.searchParams.get('fields')).toBe(
      'name,access_token,instagram_business_account{id,username,profile_picture_url}',
    );
    // The user token goes in the header, never in a URL.
    expect(call?.headers.get('authorization')).toBe(`Bearer ${USER_TOKEN}`);
    expect(call?.url.search).not.toContain(USER_TOKEN);
  });

  it('should count a linked account without a username, or a Page without a name, as unlinked by id', async () => {
    stubPages({
      data: [
        { id: '104000000000003', instagram_business_account: { id: '17841400000000009' } },
        { ...SIDE_PAGE, name: undefined },
      ],
    });

    await expect(findLinkedAccounts(GRAPH, USER_TOKEN)).resolves.toEqual({
      linked: [],
      unlinked: ['104000000000003', '104000000000002'],
    });
  });

  it('should follow the after cursor while there is a next page, then stop', async () => {
    const calls = stubPages(
      {
        data: [SIDE_PAGE],
        paging: {
          cursors: { before: 'MQ', after: 'Mg' },
          // Holds the token: it must never be followed as it is.
          next: `${GRAPH}/me/accounts?access_token=${USER_TOKEN}&after=Mg`,
        },
      },
      { data: [BUSINESS_PAGE], paging: { cursors: { before: 'Mg', after: 'Mw' } } },
      { data: [{ ...SIDE_PAGE, id: '104000000000099', name: 'Never asked for' }] },
    );

    const found = await findLinkedAccounts(GRAPH, USER_TOKEN);

    expect(found.linked.map(({ instagram }) => instagram.username)).toEqual(['sandbox.business']);
    expect(found.unlinked).toEqual(['Sandbox Side Page']);
    expect(calls.map((call) => call.url.searchParams.get('after'))).toEqual([null, 'Mg']);
    expect(calls.map((call) => call.url.searchParams.has('access_token'))).toEqual([false, false]);
  });

  it('should stop after ten requests when every page says there is another', async () => {
    const calls = stubPages({
      data: [SIDE_PAGE],
      paging: { cursors: { after: 'again' }, next: `${GRAPH}/me/accounts?after=again` },
    });

    const found = await findLinkedAccounts(GRAPH, USER_TOKEN);

    expect(calls).toHaveLength(10);
    expect(found.unlinked).toHaveLength(10);
  });

  it('should stop when a next page comes without a cursor', async () => {
    const calls = stubPages({ data: [SIDE_PAGE], paging: { next: `${GRAPH}/me/accounts?x=1` } });

    await findLinkedAccounts(GRAPH, USER_TOKEN);

    expect(calls).toHaveLength(1);
  });

  it('should find nothing for a user without Pages', async () => {
    stubPages({ data: [] });

    await expect(findLinkedAccounts(GRAPH, USER_TOKEN)).resolves.toEqual({
      linked: [],
      unlinked: [],
    });
  });

  it.each([
    ['no data', { paging: {} }],
    ['a Page id that is not a number', { data: [{ id: 'page-one', name: 'x' }] }],
    ['a linked account without an id', { data: [{ id: '1', instagram_business_account: {} }] }],
    ['data that is not a list', { data: { id: '1' } }],
  ])('should call an answer with %s a malformed Graph reply', async (_name, body) => {
    stubPages(body);

    const error = await findLinkedAccounts(GRAPH, USER_TOKEN).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({
      code: 'instagram_unavailable',
      failure: { status: 200, malformed: true },
    });
  });

  it('should pass on a Graph error, such as a revoked token', async () => {
    stubFetch({
      [ACCOUNTS_PATH]: () =>
        json(
          {
            error: {
              message: 'Error validating access token: The session has been invalidated.',
              type: 'OAuthException',
              code: 190,
              error_subcode: 460,
            },
          },
          400,
        ),
    });

    await expect(findLinkedAccounts(GRAPH, USER_TOKEN)).rejects.toMatchObject({
      code: 'token_revoked',
      failure: { code: 190, subcode: 460 },
    });
  });
});
