import type { AccountSummary } from '@/utils/account-store';
import { STATUS_LABELS, type AccountStatus } from '@/utils/account-status';
import { describeExpiry } from '@/utils/format-expiry';
import { CopyButton } from './CopyButton';

const STATUS_TONES: Record<AccountStatus, 'ok' | 'warn' | 'bad' | 'muted'> = {
  valid: 'ok',
  expiring: 'warn',
  rate_limited: 'warn',
  network_error: 'muted',
  locked: 'muted',
  expired: 'bad',
  revoked: 'bad',
};

/** Props of {@link AccountCard}. */
export interface AccountCardProps {
  account: AccountSummary;
  status: AccountStatus;
  now: number;
  /** Fetches the token from the background at click time. */
  readToken: () => Promise<string>;
}

/** One connected account: who it is, whether its token works, when it expires, and Copy. */
export function AccountCard({ account, status, now, readToken }: AccountCardProps) {
  const expiry = describeExpiry(account.expiresAt, now);
  const [lead, date] = expiry.split(' · ');
  return (
    <li class="card stack" aria-label={`@${account.username}`}>
      <div class="row">
        <strong>@{account.username}</strong>
        <span class={`chip chip--${STATUS_TONES[status]}`}>{STATUS_LABELS[status]}</span>
      </div>
      <p>
        {account.expiresAt === null ? (
          expiry
        ) : (
          <>
            {lead} · <time dateTime={new Date(account.expiresAt).toISOString()}>{date}</time>
          </>
        )}
      </p>
      <CopyButton text={readToken} label="Copy token" />
    </li>
  );
}
