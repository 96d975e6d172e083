/**
 * The background's sentences, from the extension's locale file (public/_locales/en/messages.json)
 * like the error texts: the platform's home for user-facing text, and none of it in the bundle.
 */
import { browser } from 'wxt/browser';

/** A name in the locale file. */
export type MessageName = Parameters<typeof browser.i18n.getMessage>[0];

/** The sentence called `name`, with `$1`, `$2`… replaced by `substitutions`. */
export function words(name: MessageName, ...substitutions: string[]): string {
  return browser.i18n.getMessage(name, substitutions);
}
