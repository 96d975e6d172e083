import type { Flavor } from '@/shared/exchange-contract';
import { CopyButton } from './CopyButton';

/** Props of {@link SetupChecklist}. */
export interface SetupChecklistProps {
  flavor: Flavor;
  redirectUri: string;
  clientId: string;
  scopes: readonly string[];
}

/**
 * What Instagram checks during a login and shows as an error page when it fails: the causes of a
 * login window that closed without an answer, each with its fix. The extension cannot read that
 * page (docs/instagram-contract.md §1.6), so it lists them all.
 */
export function SetupChecklist({ flavor, redirectUri, clientId, scopes }: SetupChecklistProps) {
  if (flavor === 'facebook') {
    return <FacebookChecklist redirectUri={redirectUri} clientId={clientId} scopes={scopes} />;
  }
  return (
    <ul class="stack checklist" aria-label="Setup checklist">
      <RedirectUriItem
        error="Invalid redirect_uri"
        where="Instagram → API setup with Instagram login → Business login settings → OAuth redirect URIs"
        redirectUri={redirectUri}
      />
      <li>
        <strong>"Invalid platform app":</strong> the Client ID ({clientId || 'not set'}) must be the
        Instagram app ID from "API setup with Instagram login", not the Facebook App ID.
      </li>
      <li>
        <strong>"Insufficient developer role":</strong> the account must be a professional one
        (Business or Creator) and, while the app is in development, must have accepted the tester
        invite: Instagram → Settings → Apps and websites → Tester invites.
      </li>
      <li>
        <strong>"Invalid scope":</strong> the scopes must use the current names (
        {scopes.join(', ') || 'none'}); the business_* names were retired on 27 Jan 2025.
      </li>
    </ul>
  );
}

/** The error page a wrong redirect URI shows, and the exact URI to register where it goes. */
function RedirectUriItem(props: { error: string; where: string; redirectUri: string }) {
  return (
    <li>
      <strong>"{props.error}":</strong> register exactly this redirect URI in your Meta app (
      {props.where}):
      <span class="row">
        <code class="redirect-uri">{props.redirectUri}</code>
        <CopyButton text={props.redirectUri} label="Copy redirect URI" />
      </span>
    </li>
  );
}

/** What Facebook's login dialog checks, and shows as an error page when it fails. */
function FacebookChecklist({ redirectUri, clientId, scopes }: Omit<SetupChecklistProps, 'flavor'>) {
  return (
    <ul class="stack checklist" aria-label="Setup checklist">
      <RedirectUriItem
        error="URL blocked"
        where="Facebook Login → Settings → Valid OAuth Redirect URIs"
        redirectUri={redirectUri}
      />
      <li>
        <strong>"Invalid App ID":</strong> the Client ID ({clientId || 'not set'}) must be the
        Facebook App ID of the app that has Facebook Login, not the Instagram app ID.
      </li>
      <li>
        <strong>"App not active":</strong> while the app is in development, the Facebook user must
        have a role on it (App roles → Roles: administrator, developer or tester).
      </li>
      <li>
        <strong>"Invalid Scopes":</strong> each permission asked for ({scopes.join(', ') || 'none'})
        must be added to the app; instagram_basic and pages_show_list are the least it needs.
      </li>
      <li>
        <strong>No Instagram account:</strong> the Instagram account must be a professional one,
        linked to a Facebook Page that this user manages (Page settings → Linked accounts).
      </li>
    </ul>
  );
}
