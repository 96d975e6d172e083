import { describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES } from '../shared/bridge-protocol';
import {
  encodeFrame,
  FRAME_HEADER_BYTES,
  FrameDecoder,
  FrameError,
  parseFrameBody,
} from './framing';

function header(length: number): Buffer {
  const bytes = Buffer.alloc(FRAME_HEADER_BYTES);
  bytes.writeUInt32LE(length);
  return bytes;
}

function decodeAll(decoder: FrameDecoder, chunks: readonly Buffer[]): unknown[] {
  return chunks.flatMap((chunk) => decoder.push(chunk).map(parseFrameBody));
}

describe('encodeFrame', () => {
  it('should write the JSON length in native (little-endian on x86_64) order, then the JSON', () => {
    const frame = encodeFrame({ kind: 'é' });

    const body = Buffer.from('{"kind":"é"}', 'utf8');
    expect(frame.subarray(0, 4)).toEqual(header(body.length));
    expect(frame.subarray(4)).toEqual(body);
  });

  it('should refuse a message over the frame limit', () => {
    const message = { data: 'x'.repeat(MAX_FRAME_BYTES) };

    expect(() => encodeFrame(message)).toThrow(FrameError);
  });
});

describe('FrameDecoder', () => {
  const messages = [{ kind: 'a', n: 1 }, { kind: 'b', text: 'ünïcödé ✓' }, []];
  const stream = Buffer.concat(messages.map((message) => encodeFrame(message)));

  it('should decode frames fed byte by byte', () => {
    const decoder = new FrameDecoder();
    const bytes = [...stream].map((byte) => Buffer.from([byte]));

    expect(decodeAll(decoder, bytes)).toEqual(messages);
    expect(decoder.pendingBytes).toBe(0);
  });

  it('should decode several frames merged into one chunk', () => {
    expect(decodeAll(new FrameDecoder(), [stream])).toEqual(messages);
  });

  it('should decode frames cut at every possible point', () => {
    for (let cut = 1; cut < stream.length; cut++) {
      const decoder = new FrameDecoder();

      const actual = decodeAll(decoder, [stream.subarray(0, cut), stream.subarray(cut)]);

      expect(actual).toEqual(messages);
    }
  });

  it('should keep a partial frame until the rest arrives', () => {
    const decoder = new FrameDecoder();
    const frame = encodeFrame({ kind: 'later' });

    expect(decoder.push(frame.subarray(0, 6))).toEqual([]);
    expect(decoder.pendingBytes).toBe(6);
    expect(decodeAll(decoder, [frame.subarray(6)])).toEqual([{ kind: 'later' }]);
  });

  it('should accept a frame of exactly the limit', () => {
    const decoder = new FrameDecoder();
    const body = Buffer.alloc(MAX_FRAME_BYTES, 0x20);

    const bodies = decoder.push(Buffer.concat([header(MAX_FRAME_BYTES), body]));

    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.length).toBe(MAX_FRAME_BYTES);
  });

  it('should refuse a frame declared over 1 MB as soon as its header arrives, and everything after', () => {
    const decoder = new FrameDecoder();

    expect(() => decoder.push(header(MAX_FRAME_BYTES + 1))).toThrow(
      expect.objectContaining({ code: 'frame_too_large' }),
    );
    expect(() => decoder.push(encodeFrame({ kind: 'a' }))).toThrow(FrameError);
  });

  it('should refuse the length a stray console.log would produce', () => {
    // "hi!\n" read as a length: what a browser sees when a host prints to stdout.
    expect(() => new FrameDecoder().push(Buffer.from('hi!\n{}'))).toThrow(FrameError);
  });

  it('should pass a zero-length frame on, which parseFrameBody then refuses as empty', () => {
    const [body] = new FrameDecoder().push(header(0));

    expect(body?.length).toBe(0);
    expect(() => parseFrameBody(body ?? Buffer.alloc(0))).toThrow('A frame is empty.');
  });
});

describe('parseFrameBody', () => {
  it('should refuse a body that is not JSON, without quoting it', () => {
    const secret = 'IGQVJtoken-not-json';

    const error = (() => {
      try {
        parseFrameBody(Buffer.from(secret));
      } catch (caught) {
        return caught;
      }
    })();

    expect(error).toBeInstanceOf(FrameError);
    expect(String(error)).not.toContain(secret);
  });

  it('should refuse bytes that are not UTF-8', () => {
    expect(() => parseFrameBody(Buffer.from([0x22, 0xff, 0x22]))).toThrow('not UTF-8');
  });
});
