import type { DebugToken } from '@/shared/exchange-contract';
import type { AccountSummary } from '@/utils/vault/account-store';
import { STATUS_LABELS, type AccountStatus } from '@/utils/upkeep/account-status';
import type { ProfileView } from '@/utils/background/read-app-state';
import { formatAgo, formatDate, formatRelative } from '@/utils/page/format-time';
import { useLazyModule } from '@/utils/page/use-lazy-module';
import { graphApiBase } from '@/utils/settings/profile-endpoints';
import { AccountActions, type AccountActionsProps } from './AccountActions';
import { CopyButton } from './CopyButton';
import { Disclosure } from './Disclosure';
import { Lazy } from './Lazy';
import { TokenField } from './TokenField';

const STATUS_TONES: Record<AccountStatus, 'ok' | 'warn' | 'bad' | 'muted'> = {
  valid: 'ok',
  expiring: 'warn',
  rate_limited: 'warn',
  network_error: 'muted',
  locked: 'muted',
  expired: 'bad',
  revoked: 'bad',
  refused: 'bad',
};

const ACCOUNT_TYPES: Record<string, string> = {
  BUSINESS: 'Business',
  MEDIA_CREATOR: 'Creator',
  CREATOR: 'Creator',
};

const LIFETIME_DAYS = 60;

/** Props of {@link AccountCard}. */
export interface AccountCardProps extends Omit<AccountActionsProps, 'username'> {
  account: AccountSummary;
  status: AccountStatus;
  preview: string | null;
  /** The app profile that serves this account. */
  profile: ProfileView;
  /** The account's own profile was deleted; `profile` is the active one. */
  profileDeleted: boolean;
  now: number;
  /** Fetches the token from the background at click time. */
  readToken: () => Promise<string>;
  /** Facebook Login: fetches the token of the Page the account came through. */
  readPageToken?: () => Promise<string>;
  /** Facebook Login: what `debug_token` says about the token, for the Inspect panel. */
  inspect?: () => Promise<DebugToken>;
  /** Called with copied text, so that it can be cleared from the clipboard later. */
  onCopied: (text: string) => void;
}

function Expiry({ expiresAt, now }: { expiresAt: number | null; now: number }) {
  if (expiresAt === null) return <p>Expiry unknown until the first refresh</p>;
  const daysLeft = Math.max(0, (expiresAt - now) / 86_400_000);
  return (
    <>
      <p>
        {expiresAt > now ? 'Expires' : 'Expired'} {formatRelative(expiresAt, now)} ·{' '}
        <time dateTime={new Date(expiresAt).toISOString()}>{formatDate(expiresAt)}</time>
      </p>
      <progress
        class="life"
        max={LIFETIME_DAYS}
        value={Math.min(daysLeft, LIFETIME_DAYS)}
        aria-label="Share of the 60 days left"
      />
    </>
  );
}

const LOADING = <p class="muted">Loading…</p>;

type CopyFormatsProps = Pick<AccountCardProps, 'account' | 'profile' | 'readToken' | 'onCopied'>;

/** A copy button for every format but the raw token, loaded when the menu first opens. */
function CopyFormats({ account, profile, readToken, onCopied }: CopyFormatsProps) {
  const module = useLazyModule(() => import('@/shared/token-formats'));
  if (!module) return LOADING;
  return (
    <div class="stack menu__items">
      {module.TOKEN_FORMATS.filter((format) => format.id !== 'raw').map((format) => (
        <CopyButton
          key={format.label}
          label={format.label}
          text={() =>
            readToken().then((token) => format.render(token, account, graphApiBase(profile)))
          }
          onCopied={onCopied}
        />
      ))}
    </div>
  );
}

/** One connected account: who, status, expiry, the token (masked), copy formats, inspect, actions. */
export function AccountCard(props: AccountCardProps) {
  const { account, status, preview, profile, profileDeleted, now, readToken, onCopied } = props;
  const { readPageToken, inspect } = props;
  return (
    <li class="card stack account" aria-label={`@${account.username}`}>
      <div class="row account__head">
        {account.profilePictureUrl ? (
          <img class="avatar" src={account.profilePictureUrl} alt="" width={32} height={32} />
        ) : (
          <span class="avatar" aria-hidden="true">
            {account.username.charAt(0).toUpperCase()}
          </span>
        )}
        <span class="account__name">
          <strong>@{account.username}</strong>
          {account.accountType && (
            <span class="muted"> {ACCOUNT_TYPES[account.accountType] ?? account.accountType}</span>
          )}
        </span>
        <span class={`chip chip--${STATUS_TONES[status]}`}>{STATUS_LABELS[status]}</span>
      </div>
      {account.page && <p class="muted">Via the Facebook Page {account.page.name}</p>}
      <Expiry expiresAt={account.expiresAt} now={now} />
      {account.dataAccessExpiresAt !== null && (
        <p>
          Data access ends {formatRelative(account.dataAccessExpiresAt, now)} ·{' '}
          <time dateTime={new Date(account.dataAccessExpiresAt).toISOString()}>
            {formatDate(account.dataAccessExpiresAt)}
          </time>
        </p>
      )}
      {!account.longLived && status !== 'expired' && (
        <p class="notice notice--warn">
          This token lasts one hour: Instagram would not make it a 60-day token. Reconnect to try
          again.
        </p>
      )}
      {status === 'refused' && (
        <p class="notice">
          {account.events.find((event) => !event.ok)?.message ?? 'Instagram refuses this token.'}
        </p>
      )}
      <p class="muted">
        Checked {formatAgo(account.lastCheckedAt, now)} · Refreshed{' '}
        {formatAgo(account.lastRefreshedAt, now)}
      </p>
      <TokenField preview={preview} readToken={readToken} />
      <div class="row">
        <CopyButton label="Copy token" text={readToken} onCopied={onCopied} />
        <Disclosure class="menu" summary="Copy as…">
          {() => (
            <CopyFormats
              account={account}
              profile={profile}
              readToken={readToken}
              onCopied={onCopied}
            />
          )}
        </Disclosure>
      </div>
      {account.page && readPageToken && (
        <div class="row">
          <CopyButton label="Copy Page token" text={readPageToken} onCopied={onCopied} />
          <span class="muted">
            {account.longLived
              ? 'The Page token does not expire.'
              : 'The Page token ends with this one-hour token.'}
          </span>
        </div>
      )}
      <Disclosure summary="Inspect">
        {() => (
          <Lazy
            load={() => import('./InspectPanel').then((module) => module.InspectPanel)}
            props={{ account, profile, profileDeleted, inspect }}
            fallback={LOADING}
          />
        )}
      </Disclosure>
      <AccountActions
        username={account.username}
        {...props}
        refreshable={account.tokenKind !== 'facebook_login'}
      />
    </li>
  );
}
