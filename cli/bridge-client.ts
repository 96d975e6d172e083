/**
 * The CLI's side of the socket: one request frame out, one reply frame back, then the connection
 * closes. Every reply is validated twice: as a reply, then its data against the request's schema.
 */
import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { connect } from 'node:net';
import type * as z from 'zod/mini';
import { BridgeReplySchema, type CliRequest } from '../shared/bridge-protocol';
import { BridgeRefusedError, BridgeUnreachableError, CliFailure } from './cli-errors';
import { errnoCode } from './errno-code';
import { encodeFrame, FrameDecoder, FrameError, parseFrameBody } from './framing';

/** Longer than the host's own 10 s wait for the extension, so the host's answer wins. */
export const DEFAULT_BRIDGE_TIMEOUT_MS = 15_000;

/** Where and how long to ask. */
export interface BridgeConnection {
  readonly socketPath: string;
  readonly timeoutMs?: number;
}

/** Errors that mean "nobody is listening there". */
const UNREACHABLE_CODES = new Set(['ENOENT', 'ECONNREFUSED', 'ENOTSOCK', 'ENOTDIR', 'ECONNRESET']);

/**
 * Sends `request` and returns the reply's data, checked against `schema`.
 * @throws {BridgeUnreachableError} no socket, nobody listening, or no reply in time.
 * @throws {BridgeRefusedError} the extension refused, with its code, message and hint.
 * @throws {CliFailure} a reply that is not what the protocol says.
 */
export async function askBridge<T>(
  request: CliRequest,
  schema: z.ZodMiniType<T>,
  connection: BridgeConnection,
): Promise<T> {
  const raw = await exchangeFrame(connection, request);
  const reply = BridgeReplySchema.safeParse(raw);
  if (!reply.success) {
    throw new CliFailure(
      'The bridge sent a reply igtt does not understand. Update igtt and the extension to the same version.',
    );
  }
  if (!reply.data.ok) throw new BridgeRefusedError(reply.data.error);
  const data = schema.safeParse(reply.data.data);
  if (!data.success) {
    throw new CliFailure(
      `The bridge's answer to "${request.type}" does not have the expected shape. Update igtt and the extension to the same version.`,
    );
  }
  return data.data;
}

async function checkSocketOwner(socketPath: string): Promise<void> {
  let info: Stats;
  try {
    info = await lstat(socketPath);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new BridgeUnreachableError(socketPath, `no socket at ${socketPath}`, { cause: error });
    }
    throw new CliFailure(`Cannot read ${socketPath}: ${code ?? String(error)}.`, { cause: error });
  }
  const uid = process.getuid?.();
  // Tokens come back over this socket: one that someone else made could hand out a fake one.
  if (uid !== undefined && info.uid !== uid) {
    throw new CliFailure(
      `The socket ${socketPath} belongs to another user; igtt will not use it. Remove it, or set IGTT_SOCKET.`,
    );
  }
}

/** Writes one frame to the socket and resolves with the first frame that comes back. */
async function exchangeFrame(connection: BridgeConnection, message: CliRequest): Promise<unknown> {
  const { socketPath } = connection;
  const timeoutMs = connection.timeoutMs ?? DEFAULT_BRIDGE_TIMEOUT_MS;
  await checkSocketOwner(socketPath);
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    const decoder = new FrameDecoder();
    let settled = false;
    const finish = (outcome: { value: unknown } | { error: Error }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if ('error' in outcome) reject(outcome.error);
      else resolve(outcome.value);
    };
    const timer = setTimeout(() => {
      finish({
        error: new BridgeUnreachableError(
          socketPath,
          `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`} at ${socketPath}`,
        ),
      });
    }, timeoutMs);
    socket.once('connect', () => socket.write(encodeFrame(message)));
    socket.on('data', (chunk: Buffer) => {
      try {
        const [body] = decoder.push(chunk);
        if (body !== undefined) finish({ value: parseFrameBody(body) });
      } catch (error) {
        const reason = error instanceof FrameError ? error.message : String(error);
        finish({ error: new CliFailure(`The bridge sent a broken reply: ${reason}`) });
      }
    });
    socket.once('end', () => {
      finish({
        error: new CliFailure(
          'The bridge closed the connection without an answer. Try again; if it keeps failing, reload the extension.',
        ),
      });
    });
    socket.once('error', (error) => {
      const code = errnoCode(error);
      finish({
        error:
          code !== undefined && UNREACHABLE_CODES.has(code)
            ? new BridgeUnreachableError(
                socketPath,
                `${code === 'ECONNREFUSED' ? 'nobody is listening on' : `${code} at`} ${socketPath}`,
                { cause: error },
              )
            : new CliFailure(`Cannot talk to the bridge at ${socketPath}: ${error.message}`, {
                cause: error,
              }),
      });
    });
  });
}
