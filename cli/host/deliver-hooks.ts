/**
 * Hands each new token to the hooks that have not had it. The extension sends the stamps of the
 * current tokens; for each account with a waiting hook, the host asks for the token (`deliver`),
 * runs the waiting hooks one after another, records the stamp for each (whatever its exit code, so
 * that a hook gets each token at most once), and reports the results to the extension.
 */
import { basename } from 'node:path';
import {
  BridgeDataSchemas,
  type BridgeData,
  type BridgeErrorCode,
  type BridgeReply,
  type BridgeRequest,
  type ExtensionMessage,
  type HookResult,
  type HostMessage,
} from '../../shared/bridge-protocol';
import { selectorMatches } from '../account-selector';
import { readHooksFile, recordDelivery, type Hook, type HooksFile } from '../hooks-store';
import type { HostLog } from './host-log';
import type { HookRun } from './run-hook-command';

/** The accounts and stamps of one `token-stamps` message. */
export type TokenStamps = Extract<ExtensionMessage, { kind: 'token-stamps' }>['accounts'];

/** Refusals that may pass without the token changing: tried again after `retryMs`. */
const RETRIED_CODES: ReadonlySet<BridgeErrorCode> = new Set(['vault_locked', 'bridge_failed']);

/** How long before hooks refused for a passing reason are tried again. */
export const DELIVERY_RETRY_MS = 60_000;

/** What delivery needs from the rest of the host. */
export interface HookDeliveryOptions {
  readonly hooksFile: string;
  readonly forward: (request: BridgeRequest) => Promise<BridgeReply>;
  readonly send: (message: HostMessage) => boolean;
  readonly runHook: (hook: Hook, delivery: BridgeData<'deliver'>) => Promise<HookRun>;
  readonly log: HostLog;
  readonly retryMs?: number;
}

/** Runs delivery passes one at a time, so that no hook runs twice for one token. */
export class HookDelivery {
  private latest: TokenStamps | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  /** What this host ran, in case the file could not record it. */
  private readonly ran = new Set<string>();

  constructor(private readonly options: HookDeliveryOptions) {}

  /** The extension's current stamps: deliver what is missing. */
  onStamps(accounts: TokenStamps): void {
    this.latest = accounts;
    this.schedule();
  }

  /** The hooks may have changed (a hook added): look again at the last stamps. */
  recheck(): void {
    if (this.latest !== undefined) this.schedule();
  }

  /** Resolves when no pass is running. */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  /** No new passes from now on. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const stamps = this.latest;
        if (stamps === undefined) break;
        try {
          await this.deliverAll(stamps);
        } catch (error) {
          this.options.log(`hooks: ${error instanceof Error ? error.message : String(error)}`);
        }
      } while (this.again && !this.stopped);
      this.running = undefined;
    })();
  }

  private isDue(hook: Hook, account: { id: string; username: string }, stamp: string): boolean {
    return (
      selectorMatches(hook.account, account) &&
      hook.delivered[account.id] !== stamp &&
      !this.ran.has(`${hook.id}:${account.id}:${stamp}`)
    );
  }

  private async deliverAll(stamps: TokenStamps): Promise<void> {
    const { log } = this.options;
    let file: HooksFile;
    try {
      file = await readHooksFile(this.options.hooksFile);
    } catch (error) {
      log(`no hooks run: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    let retry = false;
    for (const account of stamps) {
      if (this.stopped) return;
      if (!file.hooks.some((hook) => this.isDue(hook, account, account.stamp))) continue;
      const reply = await this.options.forward({ type: 'deliver', accountId: account.id });
      if (!reply.ok) {
        log(`hooks for @${account.username} wait: ${reply.error.code}`);
        if (RETRIED_CODES.has(reply.error.code)) retry = true;
        continue;
      }
      const parsed = BridgeDataSchemas.deliver.safeParse(reply.data);
      if (!parsed.success || parsed.data.account.id !== account.id) {
        log(`hooks for @${account.username} wait: the extension's deliver answer is malformed`);
        continue;
      }
      await this.runDue(file.hooks, parsed.data);
    }
    if (retry && !this.stopped) {
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.recheck(), this.options.retryMs ?? DELIVERY_RETRY_MS);
      this.retryTimer.unref();
    }
  }

  private async runDue(hooks: readonly Hook[], delivery: BridgeData<'deliver'>): Promise<void> {
    const { account, stamp } = delivery;
    // The stamp of the token actually delivered decides, in case it changed since the message.
    const due = hooks.filter((hook) => this.isDue(hook, account, stamp));
    const results: HookResult[] = [];
    for (const hook of due) {
      const program = basename(hook.command[0] ?? '').slice(0, 200);
      const run = await this.options.runHook(hook, delivery);
      this.ran.add(`${hook.id}:${account.id}:${stamp}`);
      const how =
        run.failure ??
        (run.signal === null ? `exit ${run.exitCode ?? '?'}` : `killed by ${run.signal}`);
      this.options.log(
        `hook ${hook.id} (${program}) for @${account.username}: ${how} after ${run.durationMs} ms`,
      );
      results.push({ hook: hook.id, program, exitCode: run.exitCode, ok: run.ok });
    }
    if (due.length === 0) return;
    try {
      await recordDelivery(
        this.options.hooksFile,
        due.map((hook) => hook.id),
        account.id,
        stamp,
      );
    } catch (error) {
      this.options.log(
        `could not record the delivery in ${this.options.hooksFile}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.options.send({ kind: 'hook-report', accountId: account.id, stamp, results });
  }
}
