/**
 * Native messaging frames: a 4-byte unsigned length, then that many bytes of UTF-8 JSON. The
 * browser's port and the host's Unix socket both use them, so one decoder serves both.
 */
import { endianness } from 'node:os';
import { MAX_FRAME_BYTES } from '../shared/bridge-protocol';

/** Bytes in a frame's length prefix. */
export const FRAME_HEADER_BYTES = 4;

// Chrome and Firefox write the length in the machine's native byte order (little-endian on x86_64
// and arm64); both ends of the socket run on this machine too, so native order is right for both.
const LITTLE_ENDIAN = endianness() === 'LE';

/** Why a frame could not be read or written. */
export type FrameErrorCode = 'frame_too_large' | 'frame_invalid';

/** A frame that breaks the framing rules; `frame_too_large` leaves the stream unusable. */
export class FrameError extends Error {
  readonly code: FrameErrorCode;

  constructor(code: FrameErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'FrameError';
    this.code = code;
  }
}

/** One message as a frame; refuses a message whose JSON exceeds `maxBytes`. */
export function encodeFrame(message: unknown, maxBytes = MAX_FRAME_BYTES): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  if (body.length > maxBytes) {
    throw new FrameError(
      'frame_too_large',
      `A message of ${body.length} bytes exceeds the ${maxBytes}-byte frame limit.`,
    );
  }
  const header = Buffer.alloc(FRAME_HEADER_BYTES);
  if (LITTLE_ENDIAN) header.writeUInt32LE(body.length);
  else header.writeUInt32BE(body.length);
  return Buffer.concat([header, body]);
}

/** Parses one frame's body as JSON; an empty or garbled body is a `frame_invalid` error. */
export function parseFrameBody(body: Buffer): unknown {
  let text: string;
  try {
    // Fatal, so that bytes that are not UTF-8 are refused rather than turned into U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch (error) {
    throw new FrameError('frame_invalid', 'A frame is not UTF-8.', { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // The SyntaxError quotes the text, which may hold a token, so it is not repeated.
    throw new FrameError(
      'frame_invalid',
      body.length === 0 ? 'A frame is empty.' : 'A frame is not JSON.',
      { cause: error },
    );
  }
}

/**
 * Cuts a byte stream into frame bodies, whatever the chunking: a frame split over many chunks, or
 * several frames in one. A declared length over the limit throws `frame_too_large`, and the
 * decoder refuses everything after it, since the stream can no longer be trusted to be in step.
 */
export class FrameDecoder {
  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  /** The body length of the frame being read, once its header is complete. */
  private expected: number | undefined;
  private broken = false;

  constructor(private readonly maxBytes = MAX_FRAME_BYTES) {}

  /** Feeds one chunk; returns the bodies of the frames it completed, in order. */
  push(chunk: Buffer): Buffer[] {
    if (this.broken)
      throw new FrameError('frame_too_large', 'The stream broke on an earlier frame.');
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const bodies: Buffer[] = [];
    for (;;) {
      if (this.expected === undefined) {
        if (this.buffered < FRAME_HEADER_BYTES) break;
        const header = this.take(FRAME_HEADER_BYTES);
        const length = LITTLE_ENDIAN ? header.readUInt32LE(0) : header.readUInt32BE(0);
        if (length > this.maxBytes) {
          this.broken = true;
          throw new FrameError(
            'frame_too_large',
            `A frame declares ${length} bytes; the limit is ${this.maxBytes}.`,
          );
        }
        this.expected = length;
      }
      if (this.buffered < this.expected) break;
      bodies.push(this.take(this.expected));
      this.expected = undefined;
    }
    return bodies;
  }

  /** Bytes received but not yet part of a whole frame (a partial header or body). */
  get pendingBytes(): number {
    return this.buffered + (this.expected === undefined ? 0 : FRAME_HEADER_BYTES);
  }

  /** Removes the first `count` buffered bytes, copying only when they span several chunks. */
  private take(count: number): Buffer {
    const parts: Buffer[] = [];
    let needed = count;
    while (needed > 0) {
      const head = this.chunks[0];
      if (head === undefined) throw new Error('FrameDecoder.take: not enough bytes buffered.');
      if (head.length <= needed) {
        parts.push(head);
        this.chunks.shift();
        needed -= head.length;
      } else {
        parts.push(head.subarray(0, needed));
        this.chunks[0] = head.subarray(needed);
        needed = 0;
      }
    }
    this.buffered -= count;
    return parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts, count);
  }
}
