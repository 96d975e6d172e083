import { ErrorNotice } from '@/components/ErrorNotice';
import { PassphraseSettings } from '@/components/PassphraseSettings';
import { VaultProblem } from '@/components/VaultProblem';
import { sendRequest } from '@/utils/send-request';
import { useAppState } from '@/utils/use-app-state';

// Pages redraw from storage.onChanged, so actions only send their request.
const ignoreResult = (pending: Promise<unknown>) => pending.then(() => undefined);

/** The options page: app setup and security. */
export function App() {
  const { loaded } = useAppState();

  return (
    <main class="options stack">
      <h1>Settings</h1>
      <section class="card stack" aria-labelledby="security-heading">
        <h2 id="security-heading">Security</h2>
        {loaded.phase === 'loading' && <p aria-busy="true">Loading…</p>}
        {loaded.phase === 'failed' && <ErrorNotice error={loaded.error} />}
        {loaded.phase === 'ready' && loaded.state.vaultError && (
          <VaultProblem
            error={loaded.state.vaultError}
            onReset={() => ignoreResult(sendRequest({ type: 'resetVault' }))}
          />
        )}
        {loaded.phase === 'ready' && loaded.state.vault && (
          <PassphraseSettings
            status={loaded.state.vault}
            enable={(passphrase) =>
              ignoreResult(sendRequest({ type: 'enablePassphrase', passphrase }))
            }
            change={(current, next) =>
              ignoreResult(sendRequest({ type: 'changePassphrase', current, next }))
            }
            remove={(current) => ignoreResult(sendRequest({ type: 'removePassphrase', current }))}
            lockNow={() => ignoreResult(sendRequest({ type: 'lock' }))}
            setAutoLock={(minutes) => ignoreResult(sendRequest({ type: 'setAutoLock', minutes }))}
          />
        )}
      </section>
    </main>
  );
}
