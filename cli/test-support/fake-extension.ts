/**
 * The browser's side of the port in host tests: writes native frames to the host's stdin, reads
 * its stdout as frames, and checks that every byte there is a valid frame of the protocol.
 */
import type { Readable, Writable } from 'node:stream';
import {
  HostMessageSchema,
  type BridgeReply,
  type BridgeRequest,
  type ExtensionMessage,
  type HostMessage,
} from '../../shared/bridge-protocol';
import { encodeFrame, FrameDecoder, parseFrameBody } from '../framing';

/** Answers one forwarded request; undefined leaves it unanswered. */
export type Responder = (
  request: BridgeRequest,
) => BridgeReply | undefined | Promise<BridgeReply | undefined>;

/** The extension's end of one host's port. */
export class FakeExtension {
  /** Every message the host sent, in order. */
  readonly received: HostMessage[] = [];
  /** Anything on stdout that was not a valid frame of the protocol: must stay empty. */
  readonly protocolErrors: string[] = [];
  private readonly decoder = new FrameDecoder();
  private readonly listeners = new Set<() => void>();
  private responder: Responder | undefined;

  constructor(
    private readonly toHost: Writable,
    fromHost: Readable,
  ) {
    fromHost.on('data', (chunk: Buffer) => {
      try {
        for (const body of this.decoder.push(chunk)) this.receive(parseFrameBody(body));
      } catch (error) {
        this.protocolErrors.push(error instanceof Error ? error.message : String(error));
      }
    });
  }

  /** Sends one message to the host. */
  send(message: ExtensionMessage): void {
    this.toHost.write(encodeFrame(message));
  }

  /** Answers every request from now on with `responder`. */
  respond(responder: Responder): void {
    this.responder = responder;
  }

  /** Closes the port: the host sees EOF on stdin. */
  close(): void {
    this.toHost.end();
  }

  /** Resolves with the first received message that matches, waiting for it if needed. */
  async waitFor(
    predicate: (message: HostMessage) => boolean,
    timeoutMs = 15_000,
  ): Promise<HostMessage> {
    const found = () => this.received.find(predicate);
    const now = found();
    if (now !== undefined) return now;
    return new Promise((resolve, reject) => {
      const check = () => {
        const message = found();
        if (message === undefined) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(message);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`No matching message from the host within ${timeoutMs} ms.`));
      }, timeoutMs);
      this.listeners.add(check);
    });
  }

  /** The requests the host forwarded so far. */
  requests(): BridgeRequest[] {
    return this.received.flatMap((message) =>
      message.kind === 'request' ? [message.request] : [],
    );
  }

  private receive(json: unknown): void {
    const parsed = HostMessageSchema.safeParse(json);
    if (!parsed.success) {
      this.protocolErrors.push(`not a host message: ${JSON.stringify(json).slice(0, 200)}`);
      return;
    }
    const message = parsed.data;
    this.received.push(message);
    for (const listener of [...this.listeners]) listener();
    if (message.kind === 'request' && this.responder !== undefined) {
      const { id } = message;
      void Promise.resolve(this.responder(message.request)).then((reply) => {
        if (reply !== undefined) this.send({ kind: 'response', id, reply });
      });
    }
  }
}
