/** What `npm start` was asked to do, read from its arguments and environment and validated. */
import * as z from 'zod/mini';
import type { ConfigEnv } from '../proxy/config';
import { parseSandboxEnv } from '../sandbox/sandbox-env';
import { EXTENSION_BROWSERS, type ExtensionBrowser } from './build-extension';
import { StartError } from './start-error';

/** The command-line flag that skips the browser (as does `START_NO_BROWSER=1`). */
export const NO_BROWSER_FLAG = '--no-browser';

/** The command-line flag that picks the browser: `--browser firefox` or `--browser=firefox`. */
export const BROWSER_FLAG = '--browser';

/** The demo's settings. */
export interface StartOptions {
  /** Sandbox port (`SANDBOX_PORT`, default 8788; 0 picks a free one). */
  readonly sandboxPort: number;
  /** Variables handed to the proxy's `loadConfig`, which validates `PROXY_PORT` (default 8787). */
  readonly proxyEnv: ConfigEnv;
  /** False with `--no-browser` or `START_NO_BROWSER=1`. */
  readonly openBrowser: boolean;
  /** What the extension is built for and opened in (`--browser`, default chrome). */
  readonly browser: ExtensionBrowser;
}

const NoBrowserSchema = z.optional(z.enum(['', '0', '1', 'false', 'true']));
const BrowserSchema = z.enum(EXTENSION_BROWSERS);
const ACCEPTED = `only ${NO_BROWSER_FLAG} and ${BROWSER_FLAG} ${EXTENSION_BROWSERS.join('|')} are accepted`;

/** An argument, quoted and cut short, for an error message. */
function quoted(arg: string): string {
  return JSON.stringify(arg.slice(0, 40));
}

/** The flags among the arguments; anything else is refused. */
function readFlags(args: readonly string[]): { noBrowser: boolean; browser: string | undefined } {
  let noBrowser = false;
  let browser: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === NO_BROWSER_FLAG) {
      noBrowser = true;
    } else if (arg === BROWSER_FLAG || arg.startsWith(`${BROWSER_FLAG}=`)) {
      if (browser !== undefined) {
        throw new StartError('invalid_env', `${BROWSER_FLAG} is given twice: give it once.`);
      }
      const separate = arg === BROWSER_FLAG;
      if (separate) index += 1;
      browser = separate ? args[index] : arg.slice(BROWSER_FLAG.length + 1);
      if (browser === undefined || browser === '') {
        throw new StartError(
          'invalid_env',
          `${BROWSER_FLAG} needs a value: ${EXTENSION_BROWSERS.join(' or ')}.`,
        );
      }
    } else {
      throw new StartError('invalid_env', `Unknown argument ${quoted(arg)}: ${ACCEPTED}.`);
    }
  }
  return { noBrowser, browser };
}

/**
 * Reads the arguments after `start.ts` and the environment.
 * @throws {StartError} `invalid_env` naming the argument or variable at fault.
 */
export function readStartOptions(args: readonly string[], env: ConfigEnv): StartOptions {
  const flags = readFlags(args);
  const browser = BrowserSchema.safeParse(flags.browser ?? 'chrome');
  if (!browser.success) {
    throw new StartError(
      'invalid_env',
      `Invalid ${BROWSER_FLAG} ${quoted(flags.browser ?? '')}: expected ${EXTENSION_BROWSERS.join(' or ')}.`,
    );
  }
  const noBrowser = NoBrowserSchema.safeParse(env.START_NO_BROWSER);
  if (!noBrowser.success) {
    throw new StartError('invalid_env', 'Invalid START_NO_BROWSER: expected 1 or 0.');
  }
  const sandbox = parseSandboxEnv({ SANDBOX_PORT: env.SANDBOX_PORT });
  if (!sandbox.ok) throw new StartError('invalid_env', sandbox.message);
  return {
    sandboxPort: sandbox.env.SANDBOX_PORT,
    proxyEnv: { PROXY_PORT: env.PROXY_PORT },
    openBrowser: !flags.noBrowser && !['1', 'true'].includes(noBrowser.data ?? ''),
    browser: browser.data,
  };
}
