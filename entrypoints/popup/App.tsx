import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccountCard } from '@/components/AccountCard';
import { AccountList } from '@/components/AccountList';
import { ConnectPanel } from '@/components/ConnectPanel';
import { DamagedAccountCard } from '@/components/DamagedAccountCard';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Disclosure } from '@/components/Disclosure';
import { Lazy } from '@/components/Lazy';
import { UnlockForm } from '@/components/UnlockForm';
import { VaultProblem } from '@/components/VaultProblem';
import type { AccountSummary } from '@/utils/vault/account-store';
import { accountStatus } from '@/utils/upkeep/account-status';
import type { PopupState } from '@/utils/background/read-app-state';
import { sha256Hex } from '@/utils/clipboard/clipboard-guard';
import { describeUpkeep } from '@/utils/page/describe-upkeep';
import type { ErrorPayload } from '@/utils/errors';
import { errorPayloadOf, sendRequest } from '@/utils/page/send-request';
import { useLiveRequest } from '@/utils/page/use-live-request';
import { selectProfile } from '@/utils/settings/select-profile';

const openSettings = () => void browser.runtime.openOptionsPage();

/** Hands the hash of copied text to the background, which clears it later if it is unchanged. */
const scheduleClear = (text: string) => {
  void sha256Hex(text).then((hash) => sendRequest({ type: 'clipboardCopied', hash }));
};

/** What the setup checklist shows for the profile of the last login (or the active one). */
function setupOf(state: PopupState) {
  const profile = selectProfile(state, state.connect?.profileId);
  return {
    flavor: profile.flavor,
    redirectUri: state.redirectUri,
    clientId: profile.clientId,
    scopes: profile.scopes,
  };
}

function Accounts({ state, now }: { state: PopupState; now: number }) {
  const locked = state.vault?.locked ?? false;
  const renderAccount = (account: AccountSummary) => {
    const accountId = account.id;
    return (
      <AccountCard
        key={accountId}
        account={account}
        status={accountStatus(account, { now, locked, warningWindowMs: state.warningWindowMs })}
        preview={state.tokenPreviews[accountId] ?? null}
        profile={selectProfile(state, account.profileId)}
        profileDeleted={!state.profiles.some((profile) => profile.id === account.profileId)}
        now={now}
        readToken={() => sendRequest({ type: 'getToken', accountId }).then((reply) => reply.token)}
        readPageToken={() =>
          sendRequest({ type: 'getToken', accountId, slot: 'pageToken' }).then(
            (reply) => reply.token,
          )
        }
        inspect={
          account.tokenKind === 'facebook_login'
            ? () => sendRequest({ type: 'inspectToken', accountId })
            : undefined
        }
        onCopied={scheduleClear}
        refresh={() => sendRequest({ type: 'refreshNow', accountId }).then(describeUpkeep)}
        check={() => sendRequest({ type: 'checkNow', accountId }).then(describeUpkeep)}
        reconnect={() =>
          sendRequest({ type: 'connect', profileId: account.profileId }).then(() => undefined)
        }
        remove={() => sendRequest({ type: 'removeAccount', accountId }).then(() => undefined)}
      />
    );
  };
  return (
    <>
      <AccountList accounts={state.accounts} renderAccount={renderAccount} />
      {state.damagedAccounts.length > 0 && (
        <ul class="accounts stack" aria-label="Unreadable accounts">
          {state.damagedAccounts.map((account) => (
            <DamagedAccountCard
              key={account.id}
              account={account}
              remove={() =>
                sendRequest({ type: 'removeAccount', accountId: account.id }).then(() => undefined)
              }
            />
          ))}
        </ul>
      )}
    </>
  );
}

/** The toolbar popup. It redraws from storage.onChanged, so actions only send their request. */
export function App() {
  const { loaded } = useLiveRequest({ type: 'getState' });
  const [startError, setStartError] = useState<ErrorPayload | null>(null);
  const now = Date.now();

  const connect = (profileId?: string) => {
    // The flow runs in the background; its progress and errors arrive through storage.
    setStartError(null);
    sendRequest({ type: 'connect', profileId }).catch((error: unknown) =>
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
        ) : (
          <>
            {loaded.state.vault?.locked ? (
              <UnlockForm
                onUnlock={(passphrase) =>
                  sendRequest({ type: 'unlock', passphrase }).then(() => undefined)
                }
              />
            ) : (
              <ConnectPanel
                progress={loaded.state.connect}
                setupComplete={loaded.state.setupComplete}
                setup={setupOf(loaded.state)}
                onConnect={connect}
                onDismiss={() => void sendRequest({ type: 'dismissConnect' })}
                onOpenSettings={openSettings}
              />
            )}
            {startError && <ErrorNotice error={startError} />}
            <Accounts state={loaded.state} now={now} />
            {!loaded.state.vault?.locked && (
              <Disclosure summary="Import a token">
                {() => (
                  <Lazy
                    load={() =>
                      import('@/components/ImportTokenForm').then(
                        (module) => module.ImportTokenForm,
                      )
                    }
                    props={{
                      onImport: (token: string) => sendRequest({ type: 'importToken', token }),
                      onRefresh: (accountId: string) =>
                        sendRequest({ type: 'refreshNow', accountId }).then(describeUpkeep),
                    }}
                  />
                )}
              </Disclosure>
            )}
          </>
        ))}
    </main>
  );
}
