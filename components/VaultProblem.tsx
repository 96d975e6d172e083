import { useState } from 'preact/hooks';
import type { ErrorPayload } from '@/utils/errors';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link VaultProblem}. */
export interface VaultProblemProps {
  error: ErrorPayload;
  onReset: () => Promise<void>;
}

/**
 * Explains an unreadable vault and offers "Reset vault", behind a confirmation, because the vault
 * never wipes data on its own.
 */
export function VaultProblem({ error, onReset }: VaultProblemProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section class="stack" aria-labelledby="vault-problem">
      <h2 id="vault-problem">Stored tokens unreadable</h2>
      <ErrorNotice error={error} />
      {confirming ? (
        <div class="stack">
          <p>This deletes every stored account and token. Your settings stay.</p>
          <div class="row">
            <button type="button" class="button button--danger" onClick={() => void onReset()}>
              Delete everything and reset
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="button button--danger" onClick={() => setConfirming(true)}>
          Reset vault
        </button>
      )}
    </section>
  );
}
