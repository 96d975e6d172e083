/**
 * Reads an Instagram reply as hostile input: JSON with big ids kept as strings, either error
 * envelope mapped into the contract's `upstream` object, and the success shape checked with zod.
 */
import * as z from 'zod/mini';
import type { UpstreamError } from '../shared/exchange-contract';
import {
  GraphErrorEnvelopeSchema,
  OAuthFlatErrorSchema,
  parseJsonKeepingIds,
} from '../shared/instagram-responses';
import { isRateLimitCode } from '../shared/instagram-error-codes';
import { ProxyError } from './errors';
import type { UpstreamReply } from './upstream-fetch';

/** Which of the two exchange steps a reply answers; it decides the wording of errors. */
export type ExchangeStep = 'code' | 'long_lived';

const MAX_UPSTREAM_MESSAGE = 500;

/**
 * Returns the reply's body parsed with `schema`.
 * @param sensitive strings (code, tokens, secret) blanked out of anything passed on from Instagram.
 * @throws {ProxyError} `upstream_error` when Instagram refused, `upstream_bad_response` otherwise.
 */
export function readReply<T>(
  reply: UpstreamReply,
  schema: z.ZodMiniType<T>,
  step: ExchangeStep,
  sensitive: readonly string[],
): T {
  const body = parseBody(reply, step);
  const upstream = toUpstreamError(body, sensitive);
  if (upstream !== undefined) {
    throw new ProxyError('upstream_error', describeRefusal(step, reply.status, upstream), {
      upstream,
    });
  }
  const parsed = schema.safeParse(body);
  if (reply.status !== 200 || !parsed.success) {
    throw new ProxyError(
      'upstream_bad_response',
      `Instagram answered ${stepName(step)} with HTTP ${reply.status} and a body that is not the expected token reply. Try again later.`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

function parseBody(reply: UpstreamReply, step: ExchangeStep): unknown {
  try {
    return parseJsonKeepingIds(reply.text);
  } catch (error) {
    throw new ProxyError(
      'upstream_bad_response',
      `Instagram answered ${stepName(step)} with HTTP ${reply.status} and a body that is not JSON. Try again later.`,
      { cause: error },
    );
  }
}

/** Maps the flat OAuth error or the Graph envelope to the contract's `upstream` object. */
function toUpstreamError(body: unknown, sensitive: readonly string[]): UpstreamError | undefined {
  const flat = OAuthFlatErrorSchema.safeParse(body);
  if (flat.success) {
    return {
      type: flat.data.error_type,
      code: flat.data.code,
      message: redact(flat.data.error_message, sensitive),
    };
  }
  const graph = GraphErrorEnvelopeSchema.safeParse(body);
  if (!graph.success) return undefined;
  const { error } = graph.data;
  return {
    ...(error.type === undefined ? {} : { type: error.type }),
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error.error_subcode === undefined ? {} : { subcode: error.error_subcode }),
    ...(error.message === undefined ? {} : { message: redact(error.message, sensitive) }),
    ...(error.fbtrace_id === undefined ? {} : { fbtrace_id: error.fbtrace_id }),
  };
}

function redact(text: string, sensitive: readonly string[]): string {
  const blanked = sensitive
    .filter((value) => value.length >= 4)
    .reduce((result, value) => result.split(value).join('[redacted]'), text);
  return blanked.length > MAX_UPSTREAM_MESSAGE
    ? `${blanked.slice(0, MAX_UPSTREAM_MESSAGE)}…`
    : blanked;
}

function describeRefusal(step: ExchangeStep, status: number, upstream: UpstreamError): string {
  if (isRateLimitCode(upstream.code)) {
    return 'Instagram is rate-limiting this app. Wait a few minutes, then start the login again.';
  }
  if (status >= 500) {
    return `Instagram had a temporary problem during ${stepName(step)}. The code may already be spent, so start the login again.`;
  }
  if (/platform app|client secret|application id/i.test(upstream.message ?? '')) {
    return "Instagram rejected this proxy's app credentials. The proxy operator must check IG_CLIENT_ID and IG_CLIENT_SECRET (the Instagram app's, not the Facebook app's).";
  }
  if (step === 'code') {
    return 'Instagram refused the authorization code (see upstream.message). A code works once, for one hour, with the same redirect_uri; start the login again.';
  }
  return 'Instagram refused to turn the short-lived token into a long-lived one (see upstream.message). Start the login again.';
}

function stepName(step: ExchangeStep): string {
  return step === 'code' ? 'the code exchange' : 'the long-lived token exchange';
}
