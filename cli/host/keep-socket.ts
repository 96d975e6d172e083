/**
 * Holds the socket for one host: claims it at once, or, while another host answers there (a
 * second browser or profile), tries again every few seconds and takes it over once that host has
 * gone, so that the command line keeps working as long as any browser runs the bridge.
 */
import type { HostLog } from './host-log';
import { BridgeSocketServer, type AnswerRequest } from './socket-server';

/** How often a host without the socket checks whether it can take it over. */
export const TAKEOVER_INTERVAL_MS = 3_000;

/** What the keeper needs. */
export interface SocketKeeperOptions {
  readonly path: string;
  readonly answer: AnswerRequest;
  readonly log: HostLog;
  /** Called once when the path cannot be used at all (a file there, a folder of another user). */
  readonly onFailure: (error: unknown) => void;
  readonly retryMs?: number;
}

/** The socket this host serves, now or later. */
export class SocketKeeper {
  private server: BridgeSocketServer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private attempt: Promise<void>;
  private stopped = false;

  constructor(private readonly options: SocketKeeperOptions) {
    this.attempt = this.claim(true);
  }

  /** Stops trying, and closes the socket if this host holds it (unlinking it only if still its own). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.attempt;
    await this.server?.close();
  }

  private async claim(first: boolean): Promise<void> {
    const { path, answer, log } = this.options;
    let claimed: BridgeSocketServer | undefined;
    try {
      claimed = await BridgeSocketServer.claim(path, answer, log);
    } catch (error) {
      this.options.onFailure(error);
      return;
    }
    if (this.stopped) {
      await claimed?.close();
      return;
    }
    if (claimed !== undefined) {
      this.server = claimed;
      log(`${first ? 'listening' : 'took over the socket'} at ${path}`);
      return;
    }
    if (first) {
      log(
        `another igtt host answers at ${path}; this one runs hooks only, and takes the socket over when that one stops`,
      );
    }
    this.timer = setTimeout(() => {
      this.attempt = this.claim(false);
    }, this.options.retryMs ?? TAKEOVER_INTERVAL_MS);
  }
}
