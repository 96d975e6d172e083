/**
 * The HTML of the Facebook dialog, built from the Instagram pages' parts: the chooser of Facebook
 * users and the "Continue as" page of a remembered session, which, unlike Instagram's, offers
 * "Not you?" to log in with another account.
 */
import { html } from 'hono/html';
import type { SandboxFacebookUser } from './defaults';
import { accountChooser, loginPage, type LoginBrand, type LoginPageInput } from './consent-page';

/** What the chooser shows. */
export interface FacebookChooserInput extends LoginPageInput {
  users: readonly SandboxFacebookUser[];
  brand: LoginBrand;
}

/** The dialog of a browser without a session: pick a Facebook user, then Allow or Cancel. */
export function facebookChooserPage(input: FacebookChooserInput) {
  const users = input.users.map(
    (user, index) =>
      html`<label
        ><input type="radio" name="user_id" value="${user.id}" ${index === 0 ? 'checked' : ''} />
        ${user.name} (${pagesLabel(user)})</label
      >`,
  );
  return loginPage(input, accountChooser(users, 'Cancel'), input.brand);
}

/** What the "Continue as" page shows. */
export interface FacebookContinueAsInput extends LoginPageInput {
  user: SandboxFacebookUser;
  brand: LoginBrand;
}

/**
 * The dialog of a remembered session: continue as that user, cancel, or "Not you?", which ends
 * the session and shows the chooser.
 */
export function facebookContinueAsPage(input: FacebookContinueAsInput) {
  return loginPage(
    input,
    html`<input type="hidden" name="user_id" value="${input.user.id}" />
      <p class="account">${input.user.name} (${pagesLabel(input.user)})</p>
      <div class="actions">
        <button type="submit" name="decision" value="allow">Continue as ${input.user.name}</button>
        <button type="submit" name="decision" value="deny">Cancel</button>
      </div>
      <p class="note">
        Not you?
        <button type="submit" name="decision" value="switch">Log in with another account</button>
      </p>`,
    input.brand,
  );
}

function pagesLabel(user: SandboxFacebookUser): string {
  return user.pages.length === 1 ? '1 Page' : `${user.pages.length} Pages`;
}
