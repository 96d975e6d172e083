import type { DebugToken } from '@/shared/exchange-contract';
import type { AccountSummary } from '@/utils/vault/account-store';
import type { ProfileView } from '@/utils/background/read-app-state';
import { formatDateTime } from '@/utils/page/format-time';
import { MIN_REFRESH_AGE_MS, tokenBornAt } from '@/utils/upkeep/refresh-policy';
import { DebugTokenFacts } from './DebugTokenFacts';

const KINDS = {
  instagram_login: 'Instagram Login (IGAA…)',
  basic_display: 'Legacy Basic Display (IGQV…), shut down since Dec 2024',
  facebook_login: 'Facebook Login (EAA…)',
  unknown: 'Unknown format',
};

const HEALTH = {
  ok: 'working',
  expired: 'expired',
  revoked: 'revoked',
  refused: 'refused by Instagram; see the history',
  rate_limited: 'rate limited; will retry',
  network_error: 'Instagram unreachable; will retry',
};

/** Props of {@link InspectPanel}. */
export interface InspectPanelProps {
  account: AccountSummary;
  profile: ProfileView;
  profileDeleted: boolean;
  /** Facebook Login: asks `debug_token` about the token, whose every field the panel shows. */
  inspect?: () => Promise<DebugToken>;
}

/** Everything known about a token: kind, ids, scopes, dates, where it came from, and its history. */
export function InspectPanel({ account, profile, profileDeleted, inspect }: InspectPanelProps) {
  const facebook = account.tokenKind === 'facebook_login';
  const rows: [string, string][] = [
    ['Kind', KINDS[account.tokenKind]],
    ['user_id', account.id],
    ['App-scoped id', account.appScopedId ?? 'unknown'],
    ['Scopes', account.scopes.length > 0 ? account.scopes.join(', ') : 'unknown'],
    ['Issued', formatDateTime(account.issuedAt)],
    [
      'Expires',
      account.expiresAt === null
        ? 'unknown until the first refresh'
        : formatDateTime(account.expiresAt),
    ],
    ...(facebook
      ? ([
          ['Data access expires', formatDateTime(account.dataAccessExpiresAt)],
          ['Page', account.page ? `${account.page.name} (${account.page.id})` : 'none'],
          ['Refresh', 'not possible for Facebook Login tokens: reconnect before they end'],
        ] satisfies [string, string][])
      : ([
          ['Last refreshed', formatDateTime(account.lastRefreshedAt)],
          ['Refresh possible from', formatDateTime(tokenBornAt(account) + MIN_REFRESH_AGE_MS)],
        ] satisfies [string, string][])),
    ['Last checked', `${formatDateTime(account.lastCheckedAt)} (${HEALTH[account.health]})`],
    [
      'App profile',
      profileDeleted ? `${profile.name} (the account's own profile was deleted)` : profile.name,
    ],
    ['Proxy', profile.proxyUrl || 'none'],
  ];
  return (
    <div class="stack inspect">
      <dl class="facts">
        {rows.map(([term, detail]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{detail}</dd>
          </div>
        ))}
      </dl>
      {inspect && <DebugTokenFacts inspect={inspect} />}
      <h3>History</h3>
      {account.events.length === 0 ? (
        <p class="muted">Nothing yet.</p>
      ) : (
        <ol class="history">
          {account.events.map((event) => (
            <li key={`${event.at}-${event.type}`} class={event.ok ? undefined : 'history__problem'}>
              <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at)}</time>{' '}
              {event.message}
              {(event.count ?? 1) > 1 && ` (${event.count} times in a row)`}
              {event.hint && <span class="muted"> {event.hint}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
