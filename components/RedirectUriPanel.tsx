import { CopyButton } from './CopyButton';

/** Shows the exact redirect URI to register with Meta, with a copy button and the rules. */
export function RedirectUriPanel({ redirectUri }: { redirectUri: string }) {
  return (
    <section class="card stack" aria-labelledby="redirect-heading">
      <h2 id="redirect-heading">Redirect URI</h2>
      <p>
        Add this URI to <strong>Valid OAuth Redirect URIs</strong> in your Meta app (Instagram → API
        setup with Instagram login → Business login settings), and to the proxy's{' '}
        <code>IG_REDIRECT_URIS</code>:
      </p>
      <div class="row">
        <code class="redirect-uri">{redirectUri}</code>
        <CopyButton text={redirectUri} label="Copy redirect URI" />
      </div>
      <p class="muted">
        Instagram compares it character for character: keep the https:// and the trailing slash.
        Firefox uses a different URI (…extensions.allizom.org/); register each browser's URI.
      </p>
    </section>
  );
}
