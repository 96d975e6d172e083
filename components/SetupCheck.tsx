import { useState } from 'preact/hooks';
import type { SetupReport } from '@/utils/connect/check-setup';
import { useAction } from '@/utils/page/use-action';
import { ErrorNotice } from './ErrorNotice';
import { SetupChecklist } from './SetupChecklist';

/** Props of {@link SetupCheck}. */
export interface SetupCheckProps {
  /** Asks the background to check the saved profile with its proxy. */
  check: () => Promise<SetupReport>;
  /** This extension's origin, as the proxy's allow-list must name it. */
  origin: string;
}

interface Finding {
  ok: boolean;
  text: string;
  fix: string;
}

function findings(report: SetupReport, origin: string): Finding[] {
  const { proxy } = report;
  if (!proxy) return [];
  const facebook = report.flavor === 'facebook';
  const [idVariable, secretVariable, urisVariable] = facebook
    ? ['FB_APP_ID', 'FB_APP_SECRET', 'FB_REDIRECT_URIS']
    : ['IG_CLIENT_ID', 'IG_CLIENT_SECRET', 'IG_REDIRECT_URIS'];
  const whichId = facebook
    ? 'The Client ID is the Facebook App ID.'
    : 'The Client ID is the Instagram app ID, not the Facebook App ID.';
  return [
    {
      ok: proxy.client_id_known,
      text: `The proxy holds the secret of Client ID ${report.clientId}.`,
      fix: `Set ${idVariable}=${report.clientId} and its ${secretVariable} on the proxy (or add the app to its PROXY_CONFIG file). ${whichId}`,
    },
    {
      ok: proxy.redirect_uri_allowed,
      text: 'The proxy accepts this extension’s redirect URI.',
      fix: `Add ${report.redirectUri} to ${urisVariable} on the proxy.`,
    },
    {
      ok: proxy.origin_allowed,
      text: 'The proxy accepts requests from this extension.',
      fix: `Add ${origin} to PROXY_ALLOWED_ORIGINS on the proxy.`,
    },
  ];
}

/**
 * "Check setup": what the proxy knows about the saved app profile, each problem with its fix,
 * then the checklist of what only Instagram checks during a login.
 */
export function SetupCheck({ check, origin }: SetupCheckProps) {
  const [report, setReport] = useState<SetupReport | null>(null);
  const { busy, error, run } = useAction();
  return (
    <section class="card stack" aria-labelledby="setup-check-heading">
      <h2 id="setup-check-heading">Check setup</h2>
      <p>
        Asks your proxy what only it knows about the saved app profile; Instagram is not called.
      </p>
      <button
        type="button"
        class="button"
        disabled={busy}
        onClick={() => void run(async () => setReport(await check()))}
      >
        {busy ? 'Checking…' : 'Check setup'}
      </button>
      {error && <ErrorNotice error={error} />}
      {report && (
        <div class="stack" role="status" aria-label="Setup check result">
          <p>
            Profile <strong>{report.profileName}</strong>, proxy <code>{report.proxyUrl}</code>:
          </p>
          {report.error && <ErrorNotice error={report.error} />}
          <ul class="stack checklist">
            {findings(report, origin).map((finding) => (
              <li key={finding.text} class={finding.ok ? 'setup-result--ok' : 'setup-result--bad'}>
                {finding.text}
                {!finding.ok && <span class="muted"> {finding.fix}</span>}
              </li>
            ))}
          </ul>
          <p>Instagram checks the rest during the login:</p>
          <SetupChecklist {...report} />
        </div>
      )}
    </section>
  );
}
