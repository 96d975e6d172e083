import { CopyButton } from './CopyButton';

/** Props of {@link SetupChecklist}. */
export interface SetupChecklistProps {
  redirectUri: string;
  clientId: string;
  scopes: readonly string[];
}

/**
 * What Instagram checks during a login and shows as an error page when it fails: the causes of a
 * login window that closed without an answer, each with its fix. The extension cannot read that
 * page (docs/instagram-contract.md §1.6), so it lists them all.
 */
export function SetupChecklist({ redirectUri, clientId, scopes }: SetupChecklistProps) {
  return (
    <ul class="stack checklist" aria-label="Setup checklist">
      <li>
        <strong>"Invalid redirect_uri":</strong> register exactly this redirect URI in your Meta app
        (Instagram → API setup with Instagram login → Business login settings → OAuth redirect
        URIs):
        <span class="row">
          <code class="redirect-uri">{redirectUri}</code>
          <CopyButton text={redirectUri} label="Copy redirect URI" />
        </span>
      </li>
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
