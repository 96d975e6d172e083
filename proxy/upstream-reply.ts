/**
 * Reads an Instagram or Facebook reply as hostile input: JSON with big ids kept as strings, either
 * error envelope mapped into the contract's `upstream` object, and the success shape checked with
 * zod. Both hosts speak the same Graph errors (docs/instagram-contract.md §6, §9.2), so one
 * mapping serves both login paths; only the wording differs.
 */
import * as z from 'zod/mini';
import type { Flavor, UpstreamError } from '../shared/exchange-contract';
import { isBusyCode, isDeadTokenCode, isRateLimitCode } from '../shared/instagram-error-codes';
import { parseJsonKeepingIds } from '../shared/instagram-responses';
import { ProxyError } from './errors';
import { readRetryAfterSeconds } from './retry-after';
import type { UpstreamReply } from './upstream-fetch';
import { toUpstreamError } from './upstream-error';

/** Which step a reply answers: the code, the long-lived exchange, or Facebook's `debug_token`. */
export type ExchangeStep = 'code' | 'long_lived' | 'debug_token';

/** Which call a reply answers; it decides the wording of errors. */
export interface ReplyContext {
  readonly flavor: Flavor;
  readonly step: ExchangeStep;
}

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
  context: ReplyContext,
  sensitive: readonly string[],
): T {
  const body = parseBody(reply, context);
  const upstream = toUpstreamError(body, sensitive);
  if (upstream !== undefined) throw refusal(reply, context, upstream);
  const parsed = schema.safeParse(body);
  if (reply.status !== 200 || !parsed.success) {
    throw new ProxyError(
      'upstream_bad_response',
      `${hostName(context)} answered ${stepName(context.step)} with HTTP ${reply.status} and a body that is not the expected reply. Try again later.`,
      { cause: parsed.error, upstreamStatus: reply.status },
    );
  }
  return parsed.data;
}

/** `Instagram` or `Facebook`, as messages name the upstream. */
export function hostName(context: { readonly flavor: Flavor }): string {
  return context.flavor === 'facebook' ? 'Facebook' : 'Instagram';
}

function parseBody(reply: UpstreamReply, context: ReplyContext): unknown {
  try {
    return parseJsonKeepingIds(reply.text);
  } catch (error) {
    throw new ProxyError(
      'upstream_bad_response',
      `${hostName(context)} answered ${stepName(context.step)} with HTTP ${reply.status} and a body that is not JSON. Try again later.`,
      { cause: error, upstreamStatus: reply.status },
    );
  }
}

/** The upstream error as a {@link ProxyError}: busy (503, with `Retry-After`) or a refusal (502). */
function refusal(reply: UpstreamReply, context: ReplyContext, upstream: UpstreamError): ProxyError {
  // A credentials message is a refusal even under code 1 (the wrong-secret answer, §3.3, §9.2).
  if (
    !blamesCredentials(context, upstream) &&
    (isBusyCode(upstream.code) || reply.status === 429)
  ) {
    return new ProxyError('upstream_busy', describeBusy(context, reply.status, upstream), {
      upstream,
      upstreamStatus: reply.status,
      retryAfterSeconds: readRetryAfterSeconds(reply.headers),
    });
  }
  return new ProxyError('upstream_error', describeRefusal(context, reply.status, upstream), {
    upstream,
    upstreamStatus: reply.status,
  });
}

/** "Instagram is busy; try again in a minute." plus what happened (docs/instagram-contract.md §6.5, §7). */
function describeBusy(context: ReplyContext, status: number, upstream: UpstreamError): string {
  const { step } = context;
  const what =
    isRateLimitCode(upstream.code) || (upstream.code === undefined && status === 429)
      ? `It is rate-limiting this app (${codeLabel(upstream, status)}) during ${stepName(step)}.`
      : `It had a temporary problem (${codeLabel(upstream, status)}) during ${stepName(step)}.`;
  const next = {
    code: 'A code works only once, so start the login again after the Retry-After seconds.',
    long_lived:
      'The code is already spent, so start the login again after the Retry-After seconds.',
    debug_token: 'Ask again after the Retry-After seconds.',
  }[step];
  return `${hostName(context)} is busy; try again in a minute. ${what} ${next}`;
}

function describeRefusal(context: ReplyContext, status: number, upstream: UpstreamError): string {
  const host = hostName(context);
  if (blamesCredentials(context, upstream)) {
    return context.flavor === 'facebook'
      ? "Facebook rejected this proxy's app credentials. The proxy operator must check FB_APP_ID and FB_APP_SECRET (the Facebook app's, not the Instagram app's)."
      : "Instagram rejected this proxy's app credentials. The proxy operator must check IG_CLIENT_ID and IG_CLIENT_SECRET (the Instagram app's, not the Facebook app's).";
  }
  if (status >= 500) {
    return context.step === 'debug_token'
      ? 'Facebook had a temporary problem during debug_token. Try again later.'
      : `${host} had a temporary problem during ${stepName(context.step)}. The code may already be spent, so start the login again.`;
  }
  switch (context.step) {
    case 'code':
      return context.flavor === 'facebook'
        ? 'Facebook refused the authorization code (see upstream.message and upstream.subcode). A code works once, for a few minutes, with the same redirect_uri; start the login again.'
        : 'Instagram refused the authorization code (see upstream.message). A code works once, for one hour, with the same redirect_uri; start the login again.';
    case 'long_lived':
      return `${host} refused to turn the short-lived token into a long-lived one (see upstream.message). Start the login again.`;
    case 'debug_token':
      return 'Facebook refused to inspect the token (see upstream.message).';
  }
}

/**
 * Whether the upstream says the app id or secret is wrong (docs/instagram-contract.md §2.3,
 * §9.2). At `debug_token` a dead-token code is about the proxy's app token, not the user's.
 */
function blamesCredentials(context: ReplyContext, upstream: UpstreamError): boolean {
  if (context.step === 'debug_token' && isDeadTokenCode(upstream.code)) return true;
  return /platform app|client secret|application id/i.test(upstream.message ?? '');
}

function codeLabel(upstream: UpstreamError, status: number): string {
  return upstream.code === undefined ? `HTTP ${status}` : `code ${upstream.code}, HTTP ${status}`;
}

function stepName(step: ExchangeStep): string {
  return {
    code: 'the code exchange',
    long_lived: 'the long-lived token exchange',
    debug_token: 'debug_token',
  }[step];
}
