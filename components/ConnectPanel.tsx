import type { ConnectProgress } from '@/utils/vault/storage-items';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link ConnectPanel}. */
export interface ConnectPanelProps {
  progress: ConnectProgress | null;
  setupComplete: boolean;
  onConnect: () => void;
  onDismiss: () => void;
  onOpenSettings: () => void;
}

const WORKING: Record<string, string> = {
  authorizing: 'Waiting for you to allow access in the Instagram window…',
  exchanging: 'Getting your 60-day token…',
};

/** The "Connect Instagram account" button and what the connect flow is doing. */
export function ConnectPanel({
  progress,
  setupComplete,
  onConnect,
  onDismiss,
  onOpenSettings,
}: ConnectPanelProps) {
  const working = progress && WORKING[progress.phase];
  const cancelled = progress?.error?.code === 'auth_cancelled';
  return (
    <section class="stack" aria-label="Connect">
      <button
        type="button"
        class="button button--primary"
        disabled={Boolean(working) || !setupComplete}
        aria-busy={working ? true : undefined}
        onClick={onConnect}
      >
        {working ? 'Connecting…' : 'Connect Instagram account'}
      </button>
      {!setupComplete && (
        <p>
          First set up your Instagram app:{' '}
          <button type="button" class="link" onClick={onOpenSettings}>
            open Settings
          </button>
          .
        </p>
      )}
      {working && <p role="status">{working}</p>}
      {progress?.phase === 'done' && (
        <p role="status" class="row">
          {progress.replaced ? 'Reconnected' : 'Connected'} @{progress.username}.
          <button type="button" class="link" onClick={onDismiss}>
            Dismiss
          </button>
        </p>
      )}
      {progress?.phase === 'failed' && progress.error && (
        <div class="stack">
          {cancelled ? (
            <p class="muted">{progress.error.message}</p>
          ) : (
            <ErrorNotice error={progress.error} />
          )}
          <button type="button" class="link" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </section>
  );
}
