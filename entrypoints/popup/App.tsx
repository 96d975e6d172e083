import { ErrorNotice } from '@/components/ErrorNotice';
import { UnlockForm } from '@/components/UnlockForm';
import { VaultProblem } from '@/components/VaultProblem';
import { sendRequest } from '@/utils/send-request';
import { useAppState } from '@/utils/use-app-state';

/** The toolbar popup. */
export function App() {
  // The popup redraws from storage.onChanged, so actions only send their request.
  const { loaded } = useAppState();

  const unlock = async (passphrase: string) => {
    await sendRequest({ type: 'unlock', passphrase });
  };
  const reset = async () => {
    await sendRequest({ type: 'resetVault' });
  };

  return (
    <main class="popup stack">
      <h1>Token Tool for Instagram</h1>
      {loaded.phase === 'loading' && <p aria-busy="true">Loading…</p>}
      {loaded.phase === 'failed' && <ErrorNotice error={loaded.error} />}
      {loaded.phase === 'ready' &&
        (loaded.state.vaultError ? (
          <VaultProblem error={loaded.state.vaultError} onReset={reset} />
        ) : loaded.state.vault?.locked ? (
          <UnlockForm onUnlock={unlock} />
        ) : (
          <ul class="accounts">
            {loaded.state.accounts.map((account) => (
              <li key={account.id}>@{account.username}</li>
            ))}
          </ul>
        ))}
    </main>
  );
}
