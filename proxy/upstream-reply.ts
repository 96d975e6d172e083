/**
 * Reads an Instagram reply as hostile input: JSON with big ids kept as strings, either error
 * envelope mapped into the contract's `upstream` object, and the success shape checked with zod.
 */
import * as z from 'zod/mini';
import type { UpstreamError } from '../shared/exchange-contract';
import { isBusyCode, isRateLimitCode } from '../shared/instagram-error-codes';
import { parseJsonKeepingIds } from '../shared/instagram-responses';
import { ProxyError } from './errors';
import { readRetryAfterSeconds } from './retry-after';
import type { UpstreamReply } from './upstream-fetch';
import { toUpstreamError } from './upstream-error';

/** Which of the two exchange steps a reply answers; it decides the wording of errors. */
export type ExchangeStep = 'code' | 'long_lived';

/**
 * Returns the reply's body parsed with `schema`.
 * @param sensitive strings (code, verifier, tokens, secret) blanked out of anything passed on.
 * @throws {ProxyError} `upstream_busy` when Instagram throttles or briefly fails (codes 1, 2 and
 *   the rate-limit codes, or HTTP 429), `upstream_error` when it refused, `upstream_bad_response`
 *   otherwise.
 */
export function readReply<T>(
  reply: UpstreamReply,
  schema: z.ZodMiniType<T>,
  step: ExchangeStep,
  sensitive: readonly string[],
): T {
  const body = parseBody(reply, step);
  const upstream = toUpstreamError(body, sensitive);
  if (upstream !== undefined) throw refusal(reply, step, upstream);
  const parsed = schema.safeParse(body);
  if (reply.status !== 200 || !parsed.success) {
    throw new ProxyError(
      'upstream_bad_response',
      `Instagram answered ${stepName(step)} with HTTP ${reply.status} and a body that is not the expected token reply. Try again later.`,
      { cause: parsed.error, upstreamStatus: reply.status },
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
      { cause: error, upstreamStatus: reply.status },
    );
  }
}

/** Instagram's error as a {@link ProxyError}: busy (503, with `Retry-After`) or a refusal (502). */
function refusal(reply: UpstreamReply, step: ExchangeStep, upstream: UpstreamError): ProxyError {
  // A credentials message is a refusal even under code 1 (the sandbox's wrong-secret answer, §3.3).
  if (!blamesCredentials(upstream) && (isBusyCode(upstream.code) || reply.status === 429)) {
    return new ProxyError('upstream_busy', describeBusy(step, reply.status, upstream), {
      upstream,
      upstreamStatus: reply.status,
      retryAfterSeconds: readRetryAfterSeconds(reply.headers),
    });
  }
  return new ProxyError('upstream_error', describeRefusal(step, reply.status, upstream), {
    upstream,
    upstreamStatus: reply.status,
  });
}

/** "Instagram is busy; try again in a minute." plus what happened (docs/instagram-contract.md §6.5, §7). */
function describeBusy(step: ExchangeStep, status: number, upstream: UpstreamError): string {
  const what =
    isRateLimitCode(upstream.code) || (upstream.code === undefined && status === 429)
      ? `It is rate-limiting this app (${codeLabel(upstream, status)}) during ${stepName(step)}.`
      : `It had a temporary problem (${codeLabel(upstream, status)}) during ${stepName(step)}.`;
  const next =
    step === 'code'
      ? 'A code works only once, so start the login again after the Retry-After seconds.'
      : 'The code is already spent, so start the login again after the Retry-After seconds.';
  return `Instagram is busy; try again in a minute. ${what} ${next}`;
}

function describeRefusal(step: ExchangeStep, status: number, upstream: UpstreamError): string {
  if (blamesCredentials(upstream)) {
    return "Instagram rejected this proxy's app credentials. The proxy operator must check IG_CLIENT_ID and IG_CLIENT_SECRET (the Instagram app's, not the Facebook app's).";
  }
  if (status >= 500) {
    return `Instagram had a temporary problem during ${stepName(step)}. The code may already be spent, so start the login again.`;
  }
  if (step === 'code') {
    return 'Instagram refused the authorization code (see upstream.message). A code works once, for one hour, with the same redirect_uri; start the login again.';
  }
  return 'Instagram refused to turn the short-lived token into a long-lived one (see upstream.message). Start the login again.';
}

/** Whether Instagram's message says the app id or secret is wrong (docs/instagram-contract.md §2.3). */
function blamesCredentials(upstream: UpstreamError): boolean {
  return /platform app|client secret|application id/i.test(upstream.message ?? '');
}

function codeLabel(upstream: UpstreamError, status: number): string {
  return upstream.code === undefined ? `HTTP ${status}` : `code ${upstream.code}, HTTP ${status}`;
}

function stepName(step: ExchangeStep): string {
  return step === 'code' ? 'the code exchange' : 'the long-lived token exchange';
}
