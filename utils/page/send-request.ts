/**
 * The pages' side of the message protocol. The background validates every request; its replies
 * come from this extension's own code, so pages take their shape from the protocol's types rather
 * than shipping a validator in the size-budgeted popup.
 */
import { browser } from 'wxt/browser';
import type { ErrorPayload } from '@/utils/errors';
import type { Reply, Request, RequestType, ResponseMap } from '@/utils/messages';

/** A request the background answered with an error; carries the payload to show. */
export class RequestError extends Error {
  readonly payload: ErrorPayload;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'RequestError';
    this.payload = payload;
  }
}

/** Sends one request to the background and returns its data, or throws a {@link RequestError}. */
export async function sendRequest<K extends RequestType>(
  request: Extract<Request, { type: K }>,
): Promise<ResponseMap[K]> {
  const reply = await browser.runtime.sendMessage<Request, Reply<ResponseMap[K]>>(request);
  if (reply.ok) return reply.data;
  throw new RequestError(reply.error);
}

/** The payload of anything a request threw, for display. */
export function errorPayloadOf(error: unknown): ErrorPayload {
  if (error instanceof RequestError) return error.payload;
  return {
    code: 'internal_error',
    message: 'The extension did not answer.',
    hint: 'Close and reopen this page; if it keeps happening, reload the extension.',
  };
}
