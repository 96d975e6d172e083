/**
 * The one message from the background to Chrome's offscreen document: "clear the clipboard in N ms
 * if it still holds the text with this hash". Both sides import this file and nothing else of each
 * other, so the offscreen document stays small.
 */
import * as z from 'zod/mini';

/** Path of the offscreen document (Chrome). */
export const OFFSCREEN_PATH = '/offscreen.html';

/** A message from the background to the offscreen document. */
export const ClearLaterMessageSchema = z.object({
  target: z.literal('offscreen'),
  type: z.literal('clearClipboardLater'),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  delayMs: z.number().check(z.int(), z.gte(0)),
});
/** A validated clear-later message. */
export type ClearLaterMessage = z.infer<typeof ClearLaterMessageSchema>;
