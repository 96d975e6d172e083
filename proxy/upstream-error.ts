/**
 * Turns either error body of Instagram (the flat OAuth one or the Graph envelope) into the
 * contract's `upstream` object, with every string blanked of the code, tokens, verifier and secret
 * in case Instagram echoes them.
 */
import type { UpstreamError } from '../shared/exchange-contract';
import { GraphErrorEnvelopeSchema, OAuthFlatErrorSchema } from '../shared/instagram-responses';

const MAX_UPSTREAM_TEXT = 500;
/** Shorter strings are not blanked: they would match inside ordinary words. */
const MIN_SENSITIVE_LENGTH = 4;

/** Instagram's error from a parsed body, redacted; `undefined` when the body is no error. */
export function toUpstreamError(
  body: unknown,
  sensitive: readonly string[],
): UpstreamError | undefined {
  const clean = (text: string) => redactText(text, sensitive);
  const flat = OAuthFlatErrorSchema.safeParse(body);
  if (flat.success) {
    return {
      type: clean(flat.data.error_type),
      code: flat.data.code,
      message: clean(flat.data.error_message),
    };
  }
  const graph = GraphErrorEnvelopeSchema.safeParse(body);
  if (!graph.success) return undefined;
  const { error } = graph.data;
  return {
    ...(error.type === undefined ? {} : { type: clean(error.type) }),
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error.error_subcode === undefined ? {} : { subcode: error.error_subcode }),
    ...(error.message === undefined ? {} : { message: clean(error.message) }),
    ...(error.fbtrace_id === undefined ? {} : { fbtrace_id: clean(error.fbtrace_id) }),
  };
}

/** Replaces each sensitive string with `[redacted]` and cuts the text to 500 characters. */
export function redactText(text: string, sensitive: readonly string[]): string {
  const blanked = sensitive
    .filter((value) => value.length >= MIN_SENSITIVE_LENGTH)
    .reduce((result, value) => result.split(value).join('[redacted]'), text);
  return blanked.length > MAX_UPSTREAM_TEXT ? `${blanked.slice(0, MAX_UPSTREAM_TEXT)}…` : blanked;
}
