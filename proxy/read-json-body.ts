/** Reads and validates a small JSON request body: size limit, content type, JSON, strict schema. */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod/mini';
import { ProxyError } from './errors';

/** Largest accepted request body; a real one is a few hundred bytes. */
export const MAX_BODY_BYTES = 8 * 1024;

/**
 * 413 `payload_too_large` above {@link MAX_BODY_BYTES}, judged by Content-Length or, for a
 * streamed body, while reading it. A stream that breaks off is the client's fault: 400, not 500.
 */
export function jsonBodyLimit(): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ProxyError(
        'payload_too_large',
        `The request body is larger than ${MAX_BODY_BYTES} bytes; a request to this proxy is a few hundred.`,
      );
    },
  });
  return async (c, next) => {
    try {
      return await limit(c, next);
    } catch (error) {
      if (error instanceof ProxyError) throw error;
      throw unreadableBody(error);
    }
  };
}

/**
 * Returns the body parsed with `schema`.
 * @param expected the body's shape in words, quoted in the error message.
 * @throws {ProxyError} `unsupported_media_type` for a non-JSON content type, `invalid_request` otherwise.
 */
export async function readJsonBody<T>(
  request: Request,
  schema: z.ZodMiniType<T>,
  expected: string,
): Promise<T> {
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new ProxyError(
      'unsupported_media_type',
      'Send the body as JSON with the header Content-Type: application/json.',
    );
  }
  const body = parseJson(await readText(request), expected);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const detail =
    issue === undefined
      ? 'it does not match the expected shape'
      : issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((key) => JSON.stringify(key.slice(0, 40))).join(', ')}`
        : `${issue.path.length === 0 ? 'the body' : issue.path.join('.')}: ${issue.message}`;
  throw new ProxyError(
    'invalid_request',
    `Invalid request body (${detail}). Send ${expected} and nothing else.`,
    { cause: result.error },
  );
}

async function readText(request: Request): Promise<string> {
  try {
    return await request.text();
  } catch (error) {
    throw unreadableBody(error);
  }
}

/** The client went away, or sent fewer bytes than it announced. */
function unreadableBody(cause: unknown): ProxyError {
  return new ProxyError('invalid_request', 'The request body could not be read completely.', {
    cause,
  });
}

function parseJson(text: string, expected: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProxyError(
      'invalid_request',
      `The request body is not valid JSON. Send ${expected}.`,
      {
        cause: error,
      },
    );
  }
}
