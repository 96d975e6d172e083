/**
 * The Graph reads of the Facebook path (docs/instagram-contract.md §9.5): `/me`, `/me/accounts`
 * (the user's Pages, each with a Page token and its Instagram account) and `/{page-id}`, versioned
 * and not, with the token as a Bearer header or `access_token` query parameter.
 *
 * Without `pages_show_list`, `/me/accounts` answers an empty list: Meta names the permission as
 * needed (§9.5) but no capture shows the refusal, so the sandbox picks the quiet answer; a Page
 * that cannot be seen is 100/33 on `/{page-id}`. The Instagram account of a Page needs
 * `instagram_basic` too, and is left out without it (unconfirmed, the sandbox's choice).
 */
import { Hono, type Context } from 'hono';
import type { SandboxPage } from './defaults';
import { FACEBOOK_VERSION } from './facebook-dialog-routes';
import { missingObjectError, unknownNodeFieldError } from './facebook-errors';
import { parseFields, type RequestedField } from './facebook-fields';
import { reachablePages } from './facebook-grants';
import { checkFacebookToken } from './facebook-token-check';
import type { FacebookTokenRecord } from './facebook-token-store';
import { findFacebookUser, findPage } from './facebook-users';
import { missingTokenError, unknownFieldError } from './graph-errors';
import { sendGraphFailure } from './graph-response';
import { requestToken } from './request-token';
import type { SandboxState } from './sandbox-state';
import { findSandboxUser } from './sandbox-users';
import { trackedEndpoint } from './tracked-endpoint';

type Json = string | number | Json[] | { [key: string]: Json };

/** The routes of `/me`, `/me/accounts` and `/{page-id}`. */
export function facebookGraphRoutes(state: SandboxState) {
  const facebook = state.facebook;

  /** The request's live token, or the response that refuses it. */
  const tokenOf = (c: Context) => {
    const token = requestToken(c);
    if (token === undefined)
      return { ok: false as const, response: sendGraphFailure(c, missingTokenError()) };
    const check = checkFacebookToken(state, token);
    if (!check.ok) return { ok: false as const, response: sendGraphFailure(c, check.failure) };
    return { ok: true as const, record: check.record };
  };

  /** A Page's fields, its Page token minted on request like Facebook's. */
  const pageNode = (
    c: Context,
    page: SandboxPage,
    fields: readonly RequestedField[],
    record: FacebookTokenRecord,
  ): Record<string, Json> | Response => {
    const node: Record<string, Json> = { id: page.id };
    for (const field of fields) {
      if (field.name === 'id') continue;
      if (field.name === 'name') node.name = page.name;
      else if (field.name === 'category') node.category = page.category;
      else if (field.name === 'tasks')
        node.tasks = ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'];
      else if (field.name === 'access_token') node.access_token = pageToken(page, record);
      else if (field.name === 'instagram_business_account') {
        const account = instagramAccount(c, page, field.subfields, record);
        if (account !== undefined) node.instagram_business_account = account;
      } else {
        return sendGraphFailure(c, unknownNodeFieldError(field.name, 'Page'));
      }
    }
    return node;
  };

  /** A Page token: no expiry when the user token is long-lived (§9.5), else the user token's. */
  const pageToken = (page: SandboxPage, record: FacebookTokenRecord): string => {
    const expiresInSeconds =
      record.kind === 'long' || record.expiresAtMs === null
        ? null
        : Math.max(0, Math.floor((record.expiresAtMs - state.clock.now()) / 1000));
    return facebook.tokens.issueToken({
      userId: record.userId,
      kind: 'page',
      pageId: page.id,
      scopes: record.scopes,
      expiresInSeconds,
      dataAccessExpiresAtMs: record.dataAccessExpiresAtMs,
    }).token;
  };

  const instagramAccount = (
    c: Context,
    page: SandboxPage,
    subfields: readonly string[],
    record: FacebookTokenRecord,
  ): Record<string, Json> | undefined => {
    if (page.instagramUserId === undefined || !record.scopes.includes('instagram_basic')) {
      return undefined;
    }
    const user = findSandboxUser(page.instagramUserId);
    if (user === undefined) return undefined;
    const account: Record<string, Json> = { id: user.user_id };
    for (const name of subfields) {
      if (name === 'username') account.username = user.username;
      if (name === 'name') account.name = user.name;
      if (name === 'profile_picture_url') {
        account.profile_picture_url = `${new URL(c.req.url).origin}/avatars/${user.username}.svg`;
      }
    }
    return account;
  };

  const me = (c: Context) => {
    const token = tokenOf(c);
    if (!token.ok) return token.response;
    const { record } = token;
    const fields = parseFields(c.req.query('fields'), 'id,name');
    if (record.kind === 'page') {
      const found = record.pageId === undefined ? undefined : findPage(record.pageId);
      if (found === undefined) return sendGraphFailure(c, missingObjectError('me'));
      const node = pageNode(
        c,
        found.page,
        fields.filter((field) => field.name !== 'access_token'),
        record,
      );
      return node instanceof Response ? node : c.json(node);
    }
    const user = findFacebookUser(record.userId);
    if (user === undefined) return sendGraphFailure(c, missingObjectError('me'));
    const node: Record<string, Json> = {};
    for (const field of fields) {
      if (field.name === 'id') node.id = user.id;
      else if (field.name === 'name') node.name = user.name;
      else return sendGraphFailure(c, unknownFieldError(field.name));
    }
    return c.json(node);
  };

  const accounts = (c: Context) => {
    const token = tokenOf(c);
    if (!token.ok) return token.response;
    const { record } = token;
    if (record.kind === 'page') {
      return sendGraphFailure(c, unknownNodeFieldError('accounts', 'Page'));
    }
    const fields = parseFields(c.req.query('fields'), 'access_token,category,name,id,tasks');
    const data: Record<string, Json>[] = [];
    for (const page of reachablePages(record)) {
      const node = pageNode(c, page, fields, record);
      if (node instanceof Response) return node;
      data.push(node);
    }
    const cursor = (id: string) => Buffer.from(id).toString('base64url');
    const pages = reachablePages(record);
    const [first] = pages;
    const last = pages.at(-1);
    return c.json(
      first === undefined || last === undefined
        ? { data }
        : { data, paging: { cursors: { before: cursor(first.id), after: cursor(last.id) } } },
    );
  };

  const page = (c: Context) => {
    const token = tokenOf(c);
    if (!token.ok) return token.response;
    const pageId = c.req.param('pageId') ?? '';
    const found = findPage(pageId);
    const visible = reachablePages(token.record).some((candidate) => candidate.id === pageId);
    if (found === undefined || !visible) return sendGraphFailure(c, missingObjectError(pageId));
    const node = pageNode(
      c,
      found.page,
      parseFields(c.req.query('fields'), 'id,name').filter(
        (field) => field.name !== 'access_token',
      ),
      token.record,
    );
    return node instanceof Response ? node : c.json(node);
  };

  const meTracked = trackedEndpoint(state, 'facebook/me');
  const accountsTracked = trackedEndpoint(state, 'facebook/me/accounts');
  const pageTracked = trackedEndpoint(state, 'facebook/page');
  return new Hono()
    .get('/facebook/me', meTracked, me)
    .get(`/facebook/${FACEBOOK_VERSION}/me`, meTracked, me)
    .get('/facebook/me/accounts', accountsTracked, accounts)
    .get(`/facebook/${FACEBOOK_VERSION}/me/accounts`, accountsTracked, accounts)
    .get(`/facebook/${FACEBOOK_VERSION}/:pageId{\\d+}`, pageTracked, page);
}
