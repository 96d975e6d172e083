import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccountCard } from '@/components/AccountCard';
import { ConnectPanel } from '@/components/ConnectPanel';
import { ErrorNotice } from '@/components/ErrorNotice';
import { UnlockForm } from '@/components/UnlockForm';
import { VaultProblem } from '@/components/VaultProblem';
import type { ErrorPayload } from '@/utils/errors';
import { accountStatus } from '@/utils/account-status';
import { errorPayloadOf, sendRequest } from '@/utils/send-request';
import { useAppState } from '@/utils/use-app-state';

const openSettings = () => void browser.runtime.openOptionsPage();

/** The toolbar popup. It redraws from storage.onChanged, so actions only send their request. */
export function App() {
  const { loaded } = useAppState();
  const now = Date.now();

  const [startError, setStartError] = useState<ErrorPayload | null>(null);

  const connect = () => {
    // The flow runs in the background; its progress and errors arrive through storage.
    setStartError(null);
    sendRequest({ type: 'connect' }).catch((error: unknown) =>
      setStartError(errorPayloadOf(error)),
    );
  };

  return (
    <main class="popup stack">
      <header class="row">
        <h1>Token Tool for Instagram</h1>
        <button type="button" class="link" onClick={openSettings}>
          Settings
        </button>
      </header>
      {loaded.phase === 'loading' && <p aria-busy="true">Loading…</p>}
      {loaded.phase === 'failed' && <ErrorNotice error={loaded.error} />}
      {loaded.phase === 'ready' &&
        (loaded.state.vaultError ? (
          <VaultProblem
            error={loaded.state.vaultError}
            onReset={() => sendRequest({ type: 'resetVault' }).then(() => undefined)}
          />
        ) : loaded.state.vault?.locked ? (
          <UnlockForm
            onUnlock={(passphrase) =>
              sendRequest({ type: 'unlock', passphrase }).then(() => undefined)
            }
          />
        ) : (
          <>
            <ConnectPanel
              progress={loaded.state.connect}
              setupComplete={loaded.state.setupComplete}
              onConnect={connect}
              onDismiss={() => void sendRequest({ type: 'dismissConnect' })}
              onOpenSettings={openSettings}
            />
            {startError && <ErrorNotice error={startError} />}
            <ul class="accounts stack" aria-label="Accounts">
              {loaded.state.accounts.map((account) => (
                <AccountCard
                  key={account.id}
                  account={account}
                  status={accountStatus(account, {
                    now,
                    locked: false,
                    warningWindowMs: loaded.state.warningWindowMs,
                  })}
                  now={now}
                  readToken={() =>
                    sendRequest({ type: 'getToken', accountId: account.id }).then(
                      (reply) => reply.token,
                    )
                  }
                />
              ))}
            </ul>
          </>
        ))}
    </main>
  );
}
