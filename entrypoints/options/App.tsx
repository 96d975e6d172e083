import { useEffect, useState } from 'preact/hooks';
import { SettingsForm } from '@/components/SettingsForm';
import { CliAccessSettings } from '@/components/CliAccessSettings';
import { ErrorNotice } from '@/components/ErrorNotice';
import { PassphraseLock } from '@/components/PassphraseLock';
import { PassphraseSetup } from '@/components/PassphraseSetup';
import { RedirectUriPanel } from '@/components/RedirectUriPanel';
import { SetupCheck } from '@/components/SetupCheck';
import { VaultProblem } from '@/components/VaultProblem';
import type { ErrorPayload } from '@/utils/errors';
import type { SettingsView } from '@/utils/messages';
import { requestPermissionsFor } from '@/utils/settings/request-permissions';
import { errorPayloadOf, sendRequest } from '@/utils/page/send-request';
import { useLiveRequest } from '@/utils/page/use-live-request';

// Pages redraw from storage.onChanged, so actions only send their request.
const ignoreResult = (pending: Promise<unknown>) => pending.then(() => undefined);

function useSettingsView(): SettingsView | ErrorPayload | null {
  const [view, setView] = useState<SettingsView | ErrorPayload | null>(null);
  useEffect(() => {
    sendRequest({ type: 'getSettings' }).then(setView, (error: unknown) =>
      setView(errorPayloadOf(error)),
    );
  }, []);
  return view;
}

/** The options page: app setup, redirect URI, setup check, command-line access and security. */
export function App() {
  const { loaded } = useLiveRequest({ type: 'getState' });
  const { loaded: cli } = useLiveRequest({ type: 'getCliAccess' });
  const view = useSettingsView();

  return (
    <main class="options stack">
      <h1>Settings</h1>
      <section class="card stack" aria-labelledby="setup-heading">
        <h2 id="setup-heading">App setup</h2>
        {view === null && <p aria-busy="true">Loading…</p>}
        {view && 'code' in view && <ErrorNotice error={view} />}
        {view && 'redirectUri' in view && (
          <SettingsForm
            initial={view.settings ?? view.defaults}
            onSave={async (settings) => {
              // Saving comes first; the permission prompt is never awaited (it may never be answered).
              const saving = sendRequest({ type: 'saveSettings', settings });
              requestPermissionsFor(settings);
              await saving;
            }}
          />
        )}
      </section>
      {view && 'redirectUri' in view && <RedirectUriPanel redirectUri={view.redirectUri} />}
      <SetupCheck check={() => sendRequest({ type: 'checkSetup' })} origin={location.origin} />
      {cli.phase === 'ready' && (
        <CliAccessSettings
          view={cli.state}
          accounts={loaded.phase === 'ready' ? loaded.state.accounts : []}
          save={(access) => sendRequest({ type: 'saveCliAccess', access })}
          reconnect={() => sendRequest({ type: 'reconnectBridge' })}
        />
      )}
      {cli.phase === 'failed' && <ErrorNotice error={cli.error} />}
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
        {loaded.phase === 'ready' && loaded.state.vault?.protection === 'device' && (
          <PassphraseSetup
            enable={(passphrase) =>
              ignoreResult(sendRequest({ type: 'enablePassphrase', passphrase }))
            }
          />
        )}
        {loaded.phase === 'ready' && loaded.state.vault?.protection === 'passphrase' && (
          <PassphraseLock
            status={loaded.state.vault}
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
