/**
 * Forwards requests to the extension and matches its responses by id, so that many CLIs can wait
 * at once and each gets its own answer. A request the extension does not answer in time, or that
 * is pending when the port ends, is answered with `bridge_failed` by the host itself.
 */
import { randomUUID } from 'node:crypto';
import type {
  BridgeError,
  BridgeReply,
  BridgeRequest,
  HostMessage,
} from '../../shared/bridge-protocol';

/** How long the extension has to answer one request. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** The host's own refusal. */
export function hostFailure(message: string, hint: string): BridgeReply {
  const error: BridgeError = { code: 'bridge_failed', message, hint };
  return { ok: false, error };
}

interface Pending {
  readonly resolve: (reply: BridgeReply) => void;
  readonly timer: NodeJS.Timeout;
}

/** Requests in flight to the extension. */
export class RequestForwarder {
  private readonly pending = new Map<string, Pending>();
  private closedReply: BridgeReply | undefined;

  constructor(
    private readonly send: (message: HostMessage) => boolean,
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
    private readonly newId: () => string = randomUUID,
  ) {}

  /** Sends `request` and resolves with the extension's reply, or the host's refusal; never rejects. */
  forward(request: BridgeRequest): Promise<BridgeReply> {
    if (this.closedReply !== undefined) return Promise.resolve(this.closedReply);
    const id = this.newId();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(
          hostFailure(
            `The extension did not answer within ${Math.round(this.timeoutMs / 1000)} s.`,
            'Try again; if it keeps happening, reload the extension.',
          ),
        );
      }, this.timeoutMs);
      this.pending.set(id, { resolve, timer });
      if (!this.send({ kind: 'request', id, request })) {
        this.settle(
          id,
          hostFailure('The browser closed the bridge.', 'Start the browser again, then retry.'),
        );
      }
    });
  }

  /** Delivers the extension's reply to request `id`; false when none is waiting (late or unknown). */
  settle(id: string, reply: BridgeReply): boolean {
    const waiting = this.pending.get(id);
    if (waiting === undefined) return false;
    this.pending.delete(id);
    clearTimeout(waiting.timer);
    waiting.resolve(reply);
    return true;
  }

  /** Answers every waiting request, and every later one, with `reply`: the port has ended. */
  close(reply: BridgeReply): void {
    this.closedReply = reply;
    for (const id of [...this.pending.keys()]) this.settle(id, reply);
  }

  /** How many requests are waiting. */
  get size(): number {
    return this.pending.size;
  }
}
