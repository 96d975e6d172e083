/**
 * The browser's end of the bridge: native messaging frames on stdin (from the extension) and
 * stdout (to it). Every message is validated both ways. A frame over the size limit means the
 * stream is out of step for good, so the port is given up rather than resynchronised.
 */
import type { Readable, Writable } from 'node:stream';
import {
  ExtensionMessageSchema,
  HostMessageSchema,
  type ExtensionMessage,
  type HostMessage,
} from '../../shared/bridge-protocol';
import { errnoCode } from '../errno-code';
import { encodeFrame, FrameDecoder, FrameError, parseFrameBody } from '../framing';
import type { HostLog } from './host-log';

/** How the port ended: the browser closed it (`closed`), or it broke (`broken`). */
export type PortEnd = 'closed' | 'broken';

/** The open port. */
export interface NativePort {
  /** Sends one message; false once the port has ended. */
  send(message: HostMessage): boolean;
  /** Resolves once, when the port ends. */
  readonly ended: Promise<PortEnd>;
}

/** What the port reads from, writes to, and reports to. */
export interface NativePortOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly onMessage: (message: ExtensionMessage) => void;
  readonly log: HostLog;
}

/** Starts reading `input` as frames and returns the port. */
export function openNativePort(options: NativePortOptions): NativePort {
  const { input, output, onMessage, log } = options;
  const decoder = new FrameDecoder();
  let endedAs: PortEnd | undefined;
  let resolveEnded: (end: PortEnd) => void = () => undefined;
  const ended = new Promise<PortEnd>((resolve) => {
    resolveEnded = resolve;
  });
  const end = (how: PortEnd) => {
    if (endedAs !== undefined) return;
    endedAs = how;
    input.pause();
    resolveEnded(how);
  };

  input.on('data', (chunk: unknown) => {
    if (endedAs !== undefined) return;
    // Without setEncoding, a stream gives Buffers; anything else is not a port.
    if (!Buffer.isBuffer(chunk)) {
      log('stdin gave text instead of bytes; giving up the port.');
      end('broken');
      return;
    }
    let bodies: Buffer[];
    try {
      bodies = decoder.push(chunk);
    } catch (error) {
      log(`the port broke: ${error instanceof Error ? error.message : String(error)}`);
      end('broken');
      return;
    }
    for (const body of bodies) receive(body);
  });
  input.once('end', () => {
    if (decoder.pendingBytes > 0) log(`the port closed in the middle of a frame.`);
    end('closed');
  });
  input.once('error', (error) => {
    log(`stdin failed: ${errnoCode(error) ?? error.message}`);
    end('broken');
  });
  // The browser closing the pipe while a reply is on its way is the same as closing the port.
  output.on('error', (error) => {
    if (errnoCode(error) !== 'EPIPE') log(`stdout failed: ${errnoCode(error) ?? error.message}`);
    end('closed');
  });

  function receive(body: Buffer): void {
    let json: unknown;
    try {
      json = parseFrameBody(body);
    } catch (error) {
      // The length was sound, so the stream is still in step: skip this one frame.
      log(
        `ignored a frame from the browser: ${error instanceof FrameError ? error.message : String(error)}`,
      );
      return;
    }
    const parsed = ExtensionMessageSchema.safeParse(json);
    if (!parsed.success) {
      log('ignored a message from the browser that is not in the igtt bridge protocol.');
      return;
    }
    onMessage(parsed.data);
  }

  return {
    ended,
    send(message) {
      if (endedAs !== undefined || output.destroyed || output.writableEnded) return false;
      const checked = HostMessageSchema.safeParse(message);
      if (!checked.success) {
        log(`did not send a malformed ${message.kind} message.`);
        return false;
      }
      try {
        output.write(encodeFrame(checked.data));
      } catch (error) {
        log(
          `could not send a ${message.kind} message: ${error instanceof Error ? error.message : String(error)}`,
        );
        return false;
      }
      return true;
    },
  };
}
