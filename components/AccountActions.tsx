import { useState } from 'preact/hooks';
import { useAction } from '@/utils/page/use-action';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link AccountActions}. */
export interface AccountActionsProps {
  username: string;
  /** False for Facebook Login tokens, which only a new login renews. */
  refreshable?: boolean;
  /** Each resolves with a sentence saying what happened. */
  refresh: () => Promise<string>;
  check: () => Promise<string>;
  reconnect: () => Promise<void>;
  remove: () => Promise<void>;
}

/** Refresh now, Check now, Reconnect and Remove (after confirmation) for one account. */
export function AccountActions({
  username,
  refreshable = true,
  refresh,
  check,
  reconnect,
  remove,
}: AccountActionsProps) {
  const { busy, error, note, run } = useAction();
  const [confirming, setConfirming] = useState(false);

  if (confirming) {
    return (
      <div class="stack" role="group" aria-label={`Remove @${username}`}>
        <p>
          Remove @{username}? Its token is deleted from this browser. To revoke the app's access
          too, open Instagram → Settings → Apps and websites and remove the app.
        </p>
        <div class="row">
          <button type="button" class="button button--danger" onClick={() => void run(remove)}>
            Remove
          </button>
          <button type="button" class="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
        {error && <ErrorNotice error={error} />}
      </div>
    );
  }
  return (
    <div class="stack">
      <div class="row">
        {refreshable && (
          <button type="button" class="button" disabled={busy} onClick={() => void run(refresh)}>
            Refresh now
          </button>
        )}
        <button type="button" class="button" disabled={busy} onClick={() => void run(check)}>
          Check now
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => void run(reconnect)}>
          Reconnect
        </button>
        <button type="button" class="button button--danger" onClick={() => setConfirming(true)}>
          Remove
        </button>
      </div>
      {note && <p role="status">{note}</p>}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
