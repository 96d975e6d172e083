import type { CliAccess } from '@/utils/settings/cli-access';
import type { CliAccessView } from '@/utils/messages';
import { useAction } from '@/utils/page/use-action';
import type { AccountSummary } from '@/utils/vault/account-store';
import { CopyButton } from './CopyButton';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link CliAccessSettings}. */
export interface CliAccessSettingsProps {
  view: CliAccessView;
  accounts: readonly Pick<AccountSummary, 'id' | 'username'>[];
  save: (access: CliAccess) => Promise<unknown>;
  reconnect: () => Promise<unknown>;
}

/** The one command that registers the bridge's host with the browsers. */
export const INSTALL_COMMAND = 'npx igtt install';

/**
 * Settings → Command-line access: off by default; once on, every account is readable by `igtt`
 * unless excluded here. Shows the install line and whether the bridge is connected.
 */
export function CliAccessSettings({ view, accounts, save, reconnect }: CliAccessSettingsProps) {
  const { access, bridge } = view;
  const { busy, error, run } = useAction();
  const change = (next: CliAccess) => void run(() => save(next).then(() => undefined));
  const toggleAccount = (id: string, allowed: boolean) =>
    change({
      ...access,
      excludedAccountIds: allowed
        ? access.excludedAccountIds.filter((excluded) => excluded !== id)
        : [...access.excludedAccountIds, id],
    });
  return (
    <section class="card stack" aria-labelledby="cli-heading">
      <h2 id="cli-heading">Command-line access</h2>
      <p>
        Lets the <code>igtt</code> command read your tokens while the browser runs, for scripts,
        servers and CI. Any program running as you can then ask for them.
      </p>
      <label class="row">
        <input
          type="checkbox"
          checked={access.enabled}
          disabled={busy}
          onChange={(event) => change({ ...access, enabled: event.currentTarget.checked })}
        />
        <span>Allow the igtt command line to read tokens</span>
      </label>
      {access.enabled && (
        <>
          <p>
            Run this once in a terminal, in the project folder (or `igtt install` if installed):
          </p>
          <div class="row">
            <code>{INSTALL_COMMAND}</code>
            <CopyButton text={INSTALL_COMMAND} label="Copy install command" />
          </div>
          {bridge?.connected && <p role="status">Connected to the igtt host.</p>}
          {bridge && !bridge.connected && (
            <div class="stack" role="status">
              <p>
                Not connected: {bridge.problem} Run the install command above, then connect again.
              </p>
              <button
                type="button"
                class="button"
                disabled={busy}
                onClick={() => void run(() => reconnect().then(() => undefined))}
              >
                Connect again
              </button>
            </div>
          )}
          {accounts.length > 0 && (
            <fieldset class="stack">
              <legend>Accounts the command line may read</legend>
              {accounts.map((account) => (
                <label key={account.id} class="row">
                  <input
                    type="checkbox"
                    checked={!access.excludedAccountIds.includes(account.id)}
                    disabled={busy}
                    onChange={(event) => toggleAccount(account.id, event.currentTarget.checked)}
                  />
                  <span>@{account.username}</span>
                </label>
              ))}
            </fieldset>
          )}
        </>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
