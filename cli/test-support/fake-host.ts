/**
 * A stand-in for the host's socket in CLI tests: answers each request frame with whatever the test
 * decides, and remembers the requests.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import type { BridgeReply } from '../../shared/bridge-protocol';
import { encodeFrame, FrameDecoder, parseFrameBody } from '../framing';

/** A running fake host. */
export interface FakeHost {
  readonly requests: unknown[];
  close(): Promise<void>;
}

/** Listens at `path` and answers each request with `answer(request)`. */
export async function startFakeHost(
  path: string,
  answer: (request: unknown) => BridgeReply,
): Promise<FakeHost> {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const requests: unknown[] = [];
  const server = createServer((socket) => {
    const decoder = new FrameDecoder();
    socket.on('data', (chunk: Buffer) => {
      const [body] = decoder.push(chunk);
      if (body === undefined) return;
      const request = parseFrameBody(body);
      requests.push(request);
      socket.end(encodeFrame(answer(request)));
    });
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return {
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
