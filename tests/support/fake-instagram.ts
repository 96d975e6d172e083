/**
 * An in-process fake of Instagram's two token endpoints, injected as the proxy's `fetch`. It
 * records what the proxy sent so tests can assert on it, and answers like Instagram by default.
 */
import type { FetchLike } from '../../proxy/upstream-fetch';

/** What the proxy sent to one endpoint. */
export interface RecordedCall {
  readonly url: URL;
  readonly method: string;
  /** The form body of the code exchange; empty for the GET. */
  readonly form: URLSearchParams;
  readonly signal: AbortSignal | undefined;
}

/** Answers one upstream call. */
export type FakeHandler = (call: RecordedCall) => Response | Promise<Response>;

/** The short-lived token the fake issues by default. */
export const FAKE_SHORT_TOKEN = 'IGAAshortLivedFakeToken0123456789abcdefghijklmnopqrstuvwxyzZD';
/** The long-lived token the fake issues by default. */
export const FAKE_LONG_TOKEN = 'IGAAlongLivedFakeToken9876543210zyxwvutsrqponmlkjihgfedcbaZD';
/** A user id above 2^53, sent as a bare JSON integer. */
export const FAKE_USER_ID = '27640875392278831';

/** A JSON reply with exactly this text, so big integers stay bare. */
export function jsonText(text: string, status = 200, headers: Record<string, string> = {}) {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** Instagram's flat success shape, with `user_id` as a bare integer. */
export const flatCodeReply: FakeHandler = () =>
  jsonText(
    `{"access_token":"${FAKE_SHORT_TOKEN}","user_id":${FAKE_USER_ID},"permissions":["instagram_business_basic","instagram_business_manage_comments"]}`,
  );

/** The long-lived exchange's success shape. */
export const longLivedReply: FakeHandler = () =>
  jsonText(`{"access_token":"${FAKE_LONG_TOKEN}","token_type":"bearer","expires_in":5184000}`);

/** Instagram's Graph error envelope with this status, fields and headers. */
export function graphError(
  fields: {
    message?: string;
    type?: string;
    code?: number;
    error_subcode?: number;
    fbtrace_id?: string;
  },
  status = 400,
  headers: Record<string, string> = {},
): Response {
  return jsonText(JSON.stringify({ error: fields }), status, headers);
}

/** The flaky refusal of the long-lived exchange (docs/instagram-contract.md §3.3). */
export const unsupportedGetReply: FakeHandler = () =>
  graphError({
    message: 'Unsupported request - method type: get',
    type: 'IGApiException',
    code: 100,
    fbtrace_id: 'AfakeTraceUnsupported',
  });

/** Answers call n with `handlers[n]`, and every call after the last with the last handler. */
export function inSequence(...handlers: [FakeHandler, ...FakeHandler[]]): FakeHandler {
  let index = 0;
  return (call) => {
    const handler = handlers[Math.min(index, handlers.length - 1)] ?? handlers[0];
    index += 1;
    return handler(call);
  };
}

/** A fake that never answers until the proxy aborts the call. */
export const hangingReply: FakeHandler = (call) =>
  new Promise((_resolve, reject) => {
    call.signal?.addEventListener('abort', () => reject(new Error('aborted by the proxy')));
  });

/** Creates the fake; unspecified endpoints answer successfully. */
export function fakeInstagram(handlers: { code?: FakeHandler; longLived?: FakeHandler } = {}): {
  fetch: FetchLike;
  calls: RecordedCall[];
  codeCalls: () => RecordedCall[];
  longLivedCalls: () => RecordedCall[];
} {
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = async (url, init) => {
    const call: RecordedCall = {
      url: new URL(url),
      method: init.method ?? 'GET',
      form: init.body instanceof URLSearchParams ? init.body : new URLSearchParams(),
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    if (call.url.pathname === '/oauth/access_token') return (handlers.code ?? flatCodeReply)(call);
    if (call.url.pathname === '/access_token') return (handlers.longLived ?? longLivedReply)(call);
    throw new Error(`The fake Instagram has no ${call.url.pathname}`);
  };
  return {
    fetch,
    calls,
    codeCalls: () => calls.filter((call) => call.url.pathname === '/oauth/access_token'),
    longLivedCalls: () => calls.filter((call) => call.url.pathname === '/access_token'),
  };
}
