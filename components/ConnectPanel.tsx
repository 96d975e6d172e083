import type { ConnectProgress } from '@/utils/vault/storage-items';
import { ErrorNotice } from './ErrorNotice';
import { Lazy } from './Lazy';
import type { SetupChecklistProps } from './SetupChecklist';

/** Props of {@link ConnectPanel}. */
export interface ConnectPanelProps {
  progress: ConnectProgress | null;
  setupComplete: boolean;
  /** The profile's setup, for the checklist shown when the login window closed unanswered. */
  setup: SetupChecklistProps;
  /** Starts a login, with the profile of the last one when it is a "Try again". */
  onConnect: (profileId?: string) => void;
  onDismiss: () => void;
  onOpenSettings: () => void;
}

const WORKING: Record<string, string> = {
  authorizing: 'Waiting for you to allow access in the login window…',
  exchanging: 'Getting your long-lived token…',
};

/** The "Connect Instagram account" button and what the connect flow is doing. */
export function ConnectPanel({
  progress,
  setupComplete,
  setup,
  onConnect,
  onDismiss,
  onOpenSettings,
}: ConnectPanelProps) {
  const working = progress && WORKING[progress.phase];
  // Both may hide an Instagram error page the extension cannot read (docs §1.6).
  const setupSuspect =
    progress?.error?.code === 'auth_cancelled' || progress?.error?.code === 'authorize_unreachable';
  const dismiss = (
    <button type="button" class="link" onClick={onDismiss}>
      Dismiss
    </button>
  );
  return (
    <section class="stack" aria-label="Connect">
      <button
        type="button"
        class="button button--primary"
        disabled={Boolean(working) || !setupComplete}
        aria-busy={working ? true : undefined}
        onClick={() => onConnect()}
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
      {progress?.phase === 'done' && !progress.shortLived && (
        <p role="status" class="row">
          {progress.replaced ? 'Reconnected' : 'Connected'}{' '}
          {progress.detail ?? `@${progress.username}.`}
          {dismiss}
        </p>
      )}
      {progress?.phase === 'done' && progress.shortLived && (
        <div class="notice notice--warn stack" role="status">
          <p class="notice__message">
            Connected @{progress.username}, but only for one hour: Instagram would not make this
            token a 60-day one. Inspect shows Instagram's reason.
          </p>
          <div class="row">
            <button type="button" class="button" onClick={() => onConnect(progress.profileId)}>
              Try again
            </button>
            {dismiss}
          </div>
        </div>
      )}
      {progress?.phase === 'failed' && progress.error && (
        <div class="stack">
          <ErrorNotice error={progress.error} />
          {setupSuspect && (
            <Lazy
              load={() => import('./SetupChecklist').then((module) => module.SetupChecklist)}
              props={setup}
            />
          )}
          {dismiss}
        </div>
      )}
    </section>
  );
}
