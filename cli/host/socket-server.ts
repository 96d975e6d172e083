/**
 * The host's Unix socket, where CLIs ask: one request frame in, one reply frame out per
 * connection. The socket is 0600 in a 0700 folder. It is created under a temporary name and
 * renamed into place, because Node unlinks a listening socket's path when the server closes, and
 * by then that path may belong to another host; the path itself is unlinked only while it is
 * still the inode this host made.
 */
import type { Stats } from 'node:fs';
import { chmod, lstat, rename, rm } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import type { BridgeReply } from '../../shared/bridge-protocol';
import { errnoCode } from '../errno-code';
import { encodeFrame, FrameDecoder, FrameError, parseFrameBody } from '../framing';
import { ensurePrivateFolder } from '../private-folder';
import type { HostLog } from './host-log';
import { hostFailure } from './request-forwarder';

/** How long a CLI has to send its request once connected. */
export const REQUEST_READ_TIMEOUT_MS = 5_000;
/** How long a probe waits for an existing socket to accept. */
const PROBE_TIMEOUT_MS = 2_000;

/** Answers one raw request (the frame's JSON, not yet validated). */
export type AnswerRequest = (request: unknown) => Promise<BridgeReply>;

/** What lives at the socket's path now. */
export type SocketState = 'absent' | 'live' | 'stale';

/** Something at the socket's path that this host must not replace. */
export class SocketPathTakenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SocketPathTakenError';
  }
}

/**
 * Whether another host answers at `path`: `live` when it accepts a connection, `stale` when the
 * socket is there but refuses (a host that was killed), `absent` when there is nothing.
 * @throws {SocketPathTakenError} when the path holds something other than this user's socket.
 */
export async function probeSocket(path: string): Promise<SocketState> {
  let info: Stats;
  try {
    info = await lstat(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return 'absent';
    throw error;
  }
  if (!info.isSocket()) {
    throw new SocketPathTakenError(
      `${path} exists and is not a socket; remove it or set IGTT_SOCKET.`,
    );
  }
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new SocketPathTakenError(`${path} belongs to another user.`);
  }
  return new Promise((resolve) => {
    const socket = connect(path);
    const done = (state: SocketState) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(state);
    };
    // A socket that neither accepts nor refuses is left alone, as if alive.
    const timer = setTimeout(() => done('live'), PROBE_TIMEOUT_MS);
    socket.once('connect', () => done('live'));
    socket.once('error', (error) => {
      const code = errnoCode(error);
      // Any other error is a socket this host does not understand: it is left alone too.
      if (code === 'ECONNREFUSED') done('stale');
      else if (code === 'ENOENT') done('absent');
      else done('live');
    });
  });
}

/** The inode the host created, to tell it apart from a later socket at the same path. */
interface SocketIdentity {
  readonly dev: bigint;
  readonly ino: bigint;
  readonly ctimeNs: bigint;
  readonly birthtimeNs: bigint;
}

async function identityOf(path: string): Promise<SocketIdentity | undefined> {
  try {
    const { dev, ino, ctimeNs, birthtimeNs } = await lstat(path, { bigint: true });
    return { dev, ino, ctimeNs, birthtimeNs };
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function sameIdentity(a: SocketIdentity, b: SocketIdentity | undefined): boolean {
  // Inode numbers are reused as soon as a file is gone, so the times must match too.
  return (
    b !== undefined &&
    a.dev === b.dev &&
    a.ino === b.ino &&
    a.ctimeNs === b.ctimeNs &&
    a.birthtimeNs === b.birthtimeNs
  );
}

/** A listening socket server that answers CLIs. */
export class BridgeSocketServer {
  private readonly connections = new Set<Socket>();

  private constructor(
    readonly path: string,
    private readonly server: Server,
    private readonly identity: SocketIdentity,
  ) {
    server.on('connection', (socket) => {
      this.connections.add(socket);
      socket.once('close', () => this.connections.delete(socket));
    });
  }

  /**
   * Listens at `path`, replacing a stale socket there. Resolves with undefined when another host
   * answers there already.
   * @throws {SocketPathTakenError} or a PrivateFolderError when the path or its folder cannot be used.
   */
  static async claim(
    path: string,
    answer: AnswerRequest,
    log: HostLog,
  ): Promise<BridgeSocketServer | undefined> {
    await ensurePrivateFolder(dirname(path));
    if ((await probeSocket(path)) === 'live') return undefined;
    const temporary = join(dirname(path), `.${process.pid}.sock`);
    await rm(temporary, { force: true });
    const server = createServer((socket) => serveConnection(socket, answer, log));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(temporary, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (error) => log(`socket server error: ${errnoCode(error) ?? error.message}`));
    try {
      await chmod(temporary, 0o600);
      // Atomic: a stale socket at `path` is replaced in one step, never left missing.
      await rename(temporary, path);
      const identity = await identityOf(path);
      if (identity === undefined) throw new Error(`${path} vanished right after it was made.`);
      return new BridgeSocketServer(path, server, identity);
    } catch (error) {
      server.close();
      throw error;
    }
  }

  /** True while the path is still the socket this host made. */
  async isStillOurs(): Promise<boolean> {
    return sameIdentity(this.identity, await identityOf(this.path));
  }

  /**
   * Stops listening, ends the connections still open after `graceMs`, and unlinks the path only if
   * it is still this host's socket.
   */
  async close(graceMs = 1_000): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const grace = setTimeout(() => {
      for (const socket of this.connections) socket.destroy();
    }, graceMs);
    if (await this.isStillOurs()) await rm(this.path, { force: true });
    await closed;
    clearTimeout(grace);
  }
}

/** Reads one request frame, answers it with one reply frame, and closes the connection. */
function serveConnection(socket: Socket, answer: AnswerRequest, log: HostLog): void {
  const decoder = new FrameDecoder();
  let answered = false;
  const timer = setTimeout(() => socket.destroy(), REQUEST_READ_TIMEOUT_MS);
  // A CLI that gives up early is not the host's problem.
  socket.on('error', () => undefined);
  socket.once('close', () => clearTimeout(timer));

  const reply = (message: BridgeReply) => {
    let frame: Buffer;
    try {
      frame = encodeFrame(message);
    } catch (error) {
      log(`a reply could not be framed: ${error instanceof Error ? error.message : String(error)}`);
      frame = encodeFrame(
        hostFailure('The answer is too large for the bridge.', 'Report this as a bug.'),
      );
    }
    socket.end(frame);
  };

  socket.on('data', (chunk: Buffer) => {
    if (answered) return;
    let body: Buffer | undefined;
    try {
      body = decoder.push(chunk)[0];
    } catch (error) {
      answered = true;
      clearTimeout(timer);
      log(`refused a request: ${error instanceof Error ? error.message : String(error)}`);
      reply(
        hostFailure('The request is larger than the bridge accepts.', 'Send one small request.'),
      );
      return;
    }
    if (body === undefined) return;
    answered = true;
    clearTimeout(timer);
    socket.pause();
    let request: unknown;
    try {
      request = parseFrameBody(body);
    } catch (error) {
      const reason = error instanceof FrameError ? error.message : 'A frame is not JSON.';
      log(`refused a request: ${reason}`);
      reply(
        hostFailure(
          `The request could not be read: ${reason}`,
          'Update igtt and the extension to the same version.',
        ),
      );
      return;
    }
    answer(request).then(reply, (error: unknown) => {
      log(`answering failed: ${error instanceof Error ? error.message : String(error)}`);
      reply(hostFailure('The host failed to answer.', 'Try again; report it if it repeats.'));
    });
  });
}
