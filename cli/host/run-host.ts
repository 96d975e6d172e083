/**
 * The native messaging host, started by the browser when command-line access is on. It keeps the
 * port to the extension, serves CLIs on the Unix socket, and runs the user's hooks. When another
 * host already answers on the socket (a second browser or profile), this one serves its port and
 * hooks without listening, and takes the socket over once the other one has gone.
 */
import { unwatchFile, watchFile } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { CliRequestSchema, type BridgeReply, type CliRequest } from '../../shared/bridge-protocol';
import { hooksFilePath } from '../hooks-store';
import { resolveSocketPath } from '../socket-path';
import type { UserDirs } from '../user-dirs';
import { HookDelivery } from './deliver-hooks';
import type { HostLog } from './host-log';
import { openNativePort } from './native-port';
import { hostFailure, RequestForwarder, REQUEST_TIMEOUT_MS } from './request-forwarder';
import { runHookCommand } from './run-hook-command';
import { SocketKeeper } from './keep-socket';
import type { AnswerRequest } from './socket-server';

/** How often the hooks file is checked for changes (a stat; it may not exist yet). */
export const HOOKS_WATCH_INTERVAL_MS = 1_000;

/** Everything the host touches, so that tests can run it in-process. */
export interface HostOptions {
  /** The port from the browser (stdin). */
  readonly input: Readable;
  /** The port to the browser (stdout): frames only. */
  readonly output: Writable;
  /** The host's stderr, where hooks' output goes. */
  readonly errorOutput: Writable;
  readonly dirs: UserDirs;
  readonly log: HostLog;
  /** The browser's arguments: Chrome's caller origin, or Firefox's manifest path and add-on id. */
  readonly args: readonly string[];
  /** Ends the host as if the port had closed (SIGTERM). */
  readonly signal?: AbortSignal;
  readonly requestTimeoutMs?: number;
  readonly hookTimeoutMs?: number;
  readonly takeoverIntervalMs?: number;
  readonly hooksWatchIntervalMs?: number;
}

/** Why the host stops, and its exit code. */
interface HostEnd {
  readonly code: number;
  readonly reason: string;
}

/** `token @alice`, `status`: what a request was, for the log; never a token. */
function describeRequest(request: CliRequest): string {
  return request.type === 'token' && request.account !== undefined
    ? `token ${request.account}`
    : request.type;
}

/** Runs until the port ends; resolves with the exit code (0 when the browser closed the port). */
export async function runHost(options: HostOptions): Promise<number> {
  const { log } = options;
  log(`started by ${options.args.at(-1) ?? 'an unknown caller'} (pid ${process.pid})`);
  const hooksFile = hooksFilePath(options.dirs);

  // Both send through the port, which is opened below: nothing is sent before it exists, since
  // every send follows a message that came in through it or a CLI that came after it.
  const forwarder = new RequestForwarder(
    (message) => port.send(message),
    options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
  );
  const delivery = new HookDelivery({
    hooksFile,
    forward: (request) => forwarder.forward(request),
    send: (message) => port.send(message),
    log,
    runHook: (hook, data) =>
      runHookCommand({
        command: hook.command,
        token: data.token,
        account: data.account,
        env: options.dirs.env,
        cwd: options.dirs.home,
        output: options.errorOutput,
        timeoutMs: options.hookTimeoutMs,
      }),
  });
  const port = openNativePort({
    input: options.input,
    output: options.output,
    log,
    onMessage: (message) => {
      if (message.kind === 'token-stamps') {
        delivery.onStamps(message.accounts);
      } else if (!forwarder.settle(message.id, message.reply)) {
        log(`ignored a response to an unknown or expired request ${message.id.slice(0, 64)}`);
      }
    },
  });
  watchFile(
    hooksFile,
    { interval: options.hooksWatchIntervalMs ?? HOOKS_WATCH_INTERVAL_MS, persistent: false },
    () => delivery.recheck(),
  );

  const answer: AnswerRequest = async (raw: unknown): Promise<BridgeReply> => {
    const parsed = CliRequestSchema.safeParse(raw);
    if (!parsed.success) {
      log('refused a request that is not in the igtt bridge protocol');
      return hostFailure(
        'The host does not understand this request.',
        'Update igtt and the extension to the same version.',
      );
    }
    const reply = await forwarder.forward(parsed.data);
    log(`${describeRequest(parsed.data)} → ${reply.ok ? 'ok' : reply.error.code}`);
    return reply;
  };

  let stopHost: (end: HostEnd) => void = () => undefined;
  const stopped = new Promise<HostEnd>((resolve) => {
    stopHost = resolve;
  });
  options.signal?.addEventListener('abort', () => stopHost({ code: 0, reason: 'asked to stop' }), {
    once: true,
  });
  const keeper = startSocketKeeper(options, answer, (reason) => stopHost({ code: 1, reason }));
  const portEnd = port.ended.then((how): HostEnd =>
    how === 'closed'
      ? { code: 0, reason: 'the browser closed the port' }
      : { code: 1, reason: 'the port broke' },
  );

  const end = await Promise.race([portEnd, stopped]);
  unwatchFile(hooksFile);
  delivery.stop();
  forwarder.close(
    hostFailure('The browser closed the bridge.', 'Start the browser again, then retry.'),
  );
  // The socket goes before the hooks are waited for, so that no CLI asks a host that is leaving.
  await keeper?.stop();
  await delivery.idle();
  log(`stopped: ${end.reason}`);
  return end.code;
}

/**
 * Starts holding the socket; a path that cannot be used stops the host (exit 1), so that the
 * extension sees the port close and shows it, rather than a host that silently serves nothing.
 */
function startSocketKeeper(
  options: HostOptions,
  answer: AnswerRequest,
  stop: (reason: string) => void,
): SocketKeeper | undefined {
  const fail = (error: unknown) => {
    stop(`cannot serve the socket: ${error instanceof Error ? error.message : String(error)}`);
  };
  try {
    return new SocketKeeper({
      path: resolveSocketPath(options.dirs),
      answer,
      log: options.log,
      onFailure: fail,
      retryMs: options.takeoverIntervalMs,
    });
  } catch (error) {
    fail(error);
    return undefined;
  }
}
