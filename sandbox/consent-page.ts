/**
 * The HTML of the authorize step: the account chooser, the "Continue as" page of a logged-in
 * session and Instagram-like error pages. No script at all, so it works under a strict CSP and in
 * a Playwright-driven page; `html` escapes every value. The Facebook dialog builds its pages from
 * the same parts (`facebook-consent-page.ts`).
 */
import { html } from 'hono/html';
import { isInstagramScope } from '../shared/instagram-scopes';
import { INSTAGRAM_SCOPE_DESCRIPTIONS } from '../shared/scope-descriptions';
import type { SandboxUser } from './defaults';

/** Form fields the consent page adds itself, so they are never copied from the original query. */
export const CONSENT_FIELDS = ['decision', 'user_id'] as const;

/** CSP of both pages: proves they need no script. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'";

const STYLE = html`<style>
  body {
    font:
      15px/1.5 system-ui,
      sans-serif;
    background: #fafafa;
    color: #262626;
    margin: 0;
  }
  main {
    max-width: 28rem;
    margin: 3rem auto;
    background: #fff;
    border: 1px solid #dbdbdb;
    border-radius: 8px;
    padding: 1.5rem 2rem;
  }
  h1 {
    font-size: 1.25rem;
    margin-top: 0;
  }
  fieldset {
    border: 1px solid #dbdbdb;
    border-radius: 6px;
    margin: 1rem 0;
  }
  label {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.25rem 0;
  }
  label img,
  .account img {
    width: 28px;
    height: 28px;
    border-radius: 50%;
  }
  .actions {
    display: flex;
    gap: 0.75rem;
  }
  button {
    flex: 1;
    padding: 0.6rem;
    border-radius: 6px;
    border: 0;
    font-weight: 600;
    cursor: pointer;
  }
  button[value='allow'] {
    background: #0095f6;
    color: #fff;
  }
  button[value='deny'],
  button[value='switch'] {
    background: #efefef;
    color: #262626;
  }
  .account {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 1rem 0;
  }
  .note {
    color: #737373;
    font-size: 0.85rem;
  }
</style>`;

/** What the consent page shows. */
export interface ConsentPageInput extends LoginPageInput {
  users: readonly SandboxUser[];
}

/** The consent page: requested scopes, a "Log in as" choice and the Allow / Deny buttons. */
export function consentPage(input: ConsentPageInput) {
  const users = input.users.map(
    (user, index) =>
      html`<label
        ><input
          type="radio"
          name="user_id"
          value="${user.user_id}"
          ${index === 0 ? 'checked' : ''}
        />
        <img src="/avatars/${user.username}.svg" alt="" /> @${user.username}
        (${user.account_type})</label
      >`,
  );
  return loginPage(input, accountChooser(users, 'Deny'));
}

/** The radio list of accounts and the Allow and refuse buttons, for Instagram and Facebook alike. */
export function accountChooser(users: readonly unknown[], refuseLabel: string) {
  return html`<fieldset>
      <legend>Log in as</legend>
      ${users}
    </fieldset>
    <!-- Allow comes first: pressing Enter submits the first button. -->
    <div class="actions">
      <button type="submit" name="decision" value="allow">Allow</button>
      <button type="submit" name="decision" value="deny">${refuseLabel}</button>
    </div>`;
}

/** What the "Continue as" page shows: the session's account only. */
export interface ContinueAsPageInput extends LoginPageInput {
  user: SandboxUser;
}

/**
 * The page of a logged-in session without `force_reauth` (docs/instagram-contract.md §1.7): one
 * account, "Continue as @…" and Deny. There is deliberately no way to pick another account.
 */
export function continueAsPage(input: ContinueAsPageInput) {
  return loginPage(
    input,
    html`<input type="hidden" name="user_id" value="${input.user.user_id}" />
      <p class="account">
        <img src="/avatars/${input.user.username}.svg" alt="" /> @${input.user.username}
        (${input.user.account_type})
      </p>
      <div class="actions">
        <button type="submit" name="decision" value="allow">
          Continue as @${input.user.username}
        </button>
        <button type="submit" name="decision" value="deny">Deny</button>
      </div>`,
  );
}

/** Which login a page belongs to: its name in titles and where its form posts. */
export interface LoginBrand {
  readonly name: 'Instagram' | 'Facebook';
  /** The path the form posts to (the authorize or dialog path). */
  readonly action: string;
}

const INSTAGRAM_BRAND: LoginBrand = { name: 'Instagram', action: '/oauth/authorize' };

/** What every login page shows: the app and its scopes, and the original parameters. */
export interface LoginPageInput {
  clientId: string;
  scopes: readonly string[];
  /** The original authorize parameters, carried through as hidden inputs. */
  params: Readonly<Record<string, string>>;
}

/** The login window's page: what the app asks for, then a form that carries the request on. */
export function loginPage(input: LoginPageInput, choice: unknown, brand = INSTAGRAM_BRAND) {
  return page(
    `Log in with ${brand.name}`,
    html`<h1>Log in with ${brand.name}</h1>
      ${scopeList(input)}
      <form method="post" action="${brand.action}">${hiddenParams(input.params)} ${choice}</form>
      <p class="note">Local ${brand.name} sandbox: no real account is involved.</p>`,
    brand.name,
  );
}

/**
 * The login window's HTML error page for a bad authorize request or a refused login: a message in
 * `#error-message`, and no form, button or redirect (docs/instagram-contract.md §1.6).
 */
export function authorizeErrorPage(message: string, brand = INSTAGRAM_BRAND) {
  const heading =
    brand.name === 'Facebook'
      ? 'Sorry, something went wrong.'
      : "Sorry, this page isn't available.";
  return page(
    'Error',
    html`<h1>${heading}</h1>
      <p id="error-message">${message}</p>`,
    brand.name,
  );
}

function scopeList(input: { clientId: string; scopes: readonly string[] }) {
  const scopes = input.scopes.map(
    (scope) =>
      html`<li>
        <code>${scope}</code
        >${isInstagramScope(scope) ? html` — ${INSTAGRAM_SCOPE_DESCRIPTIONS[scope]}` : ''}
      </li>`,
  );
  return html`<p>App <strong>${input.clientId}</strong> would like to:</p>
    <ul>
      ${scopes}
    </ul>`;
}

function hiddenParams(params: Readonly<Record<string, string>>) {
  return Object.entries(params)
    .filter(([name]) => !CONSENT_FIELDS.some((field) => field === name))
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`);
}

function page(title: string, body: unknown, sandboxName: LoginBrand['name']) {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} • ${sandboxName} sandbox</title>
        ${STYLE}
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`;
}
