import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { AccountSummary } from '@/utils/vault/account-store';

/** Past this many accounts a filter field appears. */
export const FILTER_THRESHOLD = 5;

/** Props of {@link AccountList}. */
export interface AccountListProps {
  accounts: readonly AccountSummary[];
  renderAccount: (account: AccountSummary) => ComponentChildren;
}

/** The accounts, with a filter by username once there are more than a handful. */
export function AccountList({ accounts, renderAccount }: AccountListProps) {
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase().replace(/^@/, '');
  const shown =
    needle === ''
      ? accounts
      : accounts.filter((account) => account.username.toLowerCase().includes(needle));
  return (
    <section class="stack" aria-label="Accounts">
      {accounts.length > FILTER_THRESHOLD && (
        <input
          type="search"
          aria-label="Filter accounts"
          placeholder={`Filter ${accounts.length} accounts`}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      )}
      <ul class="accounts stack">{shown.map(renderAccount)}</ul>
      {shown.length === 0 && needle !== '' && <p class="muted">No account matches “{query}”.</p>}
    </section>
  );
}
