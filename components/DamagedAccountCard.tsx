import type { DamagedAccountView } from '@/utils/vault/account-store';
import { useAction } from '@/utils/page/use-action';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link DamagedAccountCard}. */
export interface DamagedAccountCardProps {
  account: DamagedAccountView;
  remove: () => Promise<void>;
}

/**
 * A stored account whose data cannot be read. It is shown, not hidden or wiped, so that the user
 * knows; the other accounts keep working, and removing this one fixes it.
 */
export function DamagedAccountCard({ account, remove }: DamagedAccountCardProps) {
  const { busy, error, run } = useAction();
  return (
    <li class="card stack" aria-label={`Unreadable account ${account.id}`}>
      <p>
        <strong>Unreadable account data</strong> ({account.id}): {account.problem}. Your other
        accounts are not affected.
      </p>
      <p class="muted">Remove it, then connect the account again.</p>
      <button
        type="button"
        class="button button--danger"
        disabled={busy}
        onClick={() => void run(remove)}
      >
        Remove unreadable account
      </button>
      {error && <ErrorNotice error={error} />}
    </li>
  );
}
