import { useEffect, useState } from 'preact/hooks';
import type { DebugToken } from '@/shared/exchange-contract';
import type { ErrorPayload } from '@/utils/errors';
import { formatDateTime } from '@/utils/page/format-time';
import { errorPayloadOf } from '@/utils/page/send-request';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link DebugTokenFacts}. */
export interface DebugTokenFactsProps {
  /** Asks Facebook's `debug_token` (through the proxy) about the token. */
  inspect: () => Promise<DebugToken>;
}

/** Facebook's seconds as a date; 0 means "never" for the expiry fields. */
function seconds(value: number | undefined, zero = 'never'): string {
  if (value === undefined) return 'not given';
  return value === 0 ? zero : formatDateTime(value * 1000);
}

/** The fields shown in their own words; every other field Facebook sent is listed as it came. */
const KNOWN_FIELDS = new Set([
  'type',
  'application',
  'app_id',
  'user_id',
  'is_valid',
  'issued_at',
  'expires_at',
  'data_access_expires_at',
  'scopes',
  'granular_scopes',
  'error',
]);

function rowsOf(data: DebugToken): [string, string][] {
  const rows: [string, string][] = [
    ['type', data.type ?? 'not given'],
    ['application', data.application ? `${data.application} (${data.app_id})` : data.app_id],
    ['user_id', data.user_id ?? 'not given'],
    ['is_valid', data.is_valid ? 'yes' : `no${data.error ? `: ${data.error.message}` : ''}`],
    ['issued_at', seconds(data.issued_at, 'not given')],
    ['expires_at', seconds(data.expires_at)],
    ['data_access_expires_at', seconds(data.data_access_expires_at)],
    ['scopes', data.scopes.join(', ') || 'none'],
  ];
  for (const [field, value] of Object.entries(data)) {
    if (!KNOWN_FIELDS.has(field)) rows.push([field, JSON.stringify(value)]);
  }
  return rows;
}

/** What Facebook's `debug_token` says about a Facebook Login token, every field of it. */
export function DebugTokenFacts({ inspect }: DebugTokenFactsProps) {
  const [answer, setAnswer] = useState<
    { data: DebugToken; error?: never } | { error: ErrorPayload; data?: never } | null
  >(null);
  useEffect(() => {
    inspect().then(
      (data) => setAnswer({ data }),
      (error: unknown) => setAnswer({ error: errorPayloadOf(error) }),
    );
    // One question per opening of the panel.
  }, []);
  if (answer === null) return <p aria-busy="true">Asking Facebook's debug_token…</p>;
  if (answer.error) return <ErrorNotice error={answer.error} />;
  const { data } = answer;
  return (
    <section class="stack" aria-label="debug_token">
      <h3>debug_token</h3>
      <dl class="facts">
        {rowsOf(data).map(([term, detail]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{detail}</dd>
          </div>
        ))}
      </dl>
      {data.granular_scopes && data.granular_scopes.length > 0 && (
        <ul class="stack" aria-label="Granular scopes">
          {data.granular_scopes.map((granted) => (
            <li key={granted.scope}>
              <code>{granted.scope}</code>:{' '}
              {granted.target_ids?.join(', ') ?? 'every asset (not limited to targets)'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
