import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ExtensionMessage } from '../../shared/bridge-protocol';
import { encodeFrame, FrameDecoder, parseFrameBody } from '../framing';
import { openNativePort } from './native-port';

function setUp(output: Writable = new PassThrough()) {
  const input = new PassThrough();
  const received: ExtensionMessage[] = [];
  const logged: string[] = [];
  const port = openNativePort({
    input,
    output,
    onMessage: (message) => received.push(message),
    log: (line) => logged.push(line),
  });
  return { input, output, port, received, logged };
}

const stamps: ExtensionMessage = {
  kind: 'token-stamps',
  accounts: [{ id: '1', username: 'ada', stamp: '5' }],
};
const response: ExtensionMessage = { kind: 'response', id: 'x', reply: { ok: true, data: 1 } };

describe('openNativePort', () => {
  it('should deliver valid messages however the bytes are chunked, and skip invalid ones', async () => {
    const { input, port, received, logged } = setUp();
    const bytes = Buffer.concat([
      encodeFrame(stamps),
      encodeFrame({ kind: 'unknown' }),
      encodeFrame(response),
    ]);

    input.write(bytes.subarray(0, 7));
    input.write(bytes.subarray(7));
    input.end();

    expect(await port.ended).toBe('closed');
    expect(received).toEqual([stamps, response]);
    expect(logged).toEqual([
      'ignored a message from the browser that is not in the igtt bridge protocol.',
    ]);
  });

  it('should write valid host messages as frames, and refuse malformed ones', () => {
    const output = new PassThrough();
    const { port } = setUp(output);
    const message = { kind: 'request', id: 'a', request: { type: 'status' } } as const;

    const sent = port.send(message);
    const refused = port.send({ kind: 'request', id: 'x'.repeat(65), request: { type: 'list' } });

    const written: unknown = output.read();
    const bodies = Buffer.isBuffer(written) ? new FrameDecoder().push(written) : [];
    expect(sent).toBe(true);
    expect(refused).toBe(false);
    expect(bodies.map(parseFrameBody)).toEqual([message]);
  });

  it('should end as closed, without throwing, when the browser closed stdout (EPIPE)', async () => {
    const broken = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const { port } = setUp(broken);

    expect(port.send({ kind: 'request', id: 'a', request: { type: 'status' } })).toBe(true);

    expect(await port.ended).toBe('closed');
    expect(port.send({ kind: 'request', id: 'b', request: { type: 'status' } })).toBe(false);
  });

  it('should give up the port on a frame over the limit', async () => {
    const { input, port, logged } = setUp();
    const header = Buffer.alloc(4);
    header.writeUInt32LE(2 ** 31);

    input.write(header);

    expect(await port.ended).toBe('broken');
    expect(logged[0]).toMatch(/^the port broke: A frame declares 2147483648 bytes/);
  });

  it('should refuse text chunks: stdin must be read as bytes', async () => {
    const input = new PassThrough({ encoding: 'utf8' });
    const port = openNativePort({
      input,
      output: new PassThrough(),
      onMessage: () => undefined,
      log: () => undefined,
    });

    input.write(encodeFrame(stamps));

    expect(await port.ended).toBe('broken');
  });
});
