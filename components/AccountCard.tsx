import type { AccountSummary } from '@/utils/account-store';
import { describeExpiry } from '@/utils/format-expiry';
import { CopyButton } from './CopyButton';

/** Props of {@link AccountCard}. */
export interface AccountCardProps {
  account: AccountSummary;
  now: number;
  /** Fetches the token from the background at click time. */
  readToken: () => Promise<string>;
}

/** One connected account: who it is, whether its token works, when it expires, and Copy. */
export function AccountCard({ account, now, readToken }: AccountCardProps) {
  const expired = account.expiresAt !== null && account.expiresAt <= now;
  const expiry = describeExpiry(account.expiresAt, now);
  const [lead, date] = expiry.split(' · ');
  return (
    <li class="card stack" aria-label={`@${account.username}`}>
      <div class="row">
        <strong>@{account.username}</strong>
        <span class={`chip chip--${expired ? 'bad' : 'ok'}`}>{expired ? 'Expired' : 'Valid'}</span>
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
