import { CopyButton } from './CopyButton';

/** Shows the exact redirect URI to register with Meta, with a copy button and the rules. */
export function RedirectUriPanel({ redirectUri }: { redirectUri: string }) {
  return (
    <section class="card stack" aria-labelledby="redirect-heading">
      <h2 id="redirect-heading">Redirect URI</h2>
      <p>
        Register this URI in your Meta app, character for character, where your login's settings
        are:
      </p>
      <ul>
        <li>
          <strong>Instagram Login:</strong> Instagram → API setup with Instagram login → Business
          login settings → OAuth redirect URIs, and the proxy's <code>IG_REDIRECT_URIS</code>;
        </li>
        <li>
          <strong>Facebook Login:</strong> Facebook Login → Settings →{' '}
          <strong>Valid OAuth Redirect URIs</strong>, and the proxy's <code>FB_REDIRECT_URIS</code>{' '}
          (<code>IG_REDIRECT_URIS</code> when unset).
        </li>
      </ul>
      <div class="row">
        <code class="redirect-uri">{redirectUri}</code>
        <CopyButton text={redirectUri} label="Copy redirect URI" />
      </div>
      <p class="muted">
        Meta compares it character for character: keep the https:// and the trailing slash. Firefox
        uses a different URI (…extensions.allizom.org/); register each browser's URI.
      </p>
    </section>
  );
}
