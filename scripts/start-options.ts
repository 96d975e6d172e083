/** What `npm start` was asked to do, read from its arguments and environment and validated. */
import * as z from 'zod/mini';
import type { ConfigEnv } from '../proxy/config';
import { parseSandboxEnv } from '../sandbox/sandbox-env';
import { StartError } from './start-error';

/** The command-line flag that skips the browser (as does `START_NO_BROWSER=1`). */
export const NO_BROWSER_FLAG = '--no-browser';

/** The demo's settings. */
export interface StartOptions {
  /** Sandbox port (`SANDBOX_PORT`, default 8788; 0 picks a free one). */
  readonly sandboxPort: number;
  /** Variables handed to the proxy's `loadConfig`, which validates `PROXY_PORT` (default 8787). */
  readonly proxyEnv: ConfigEnv;
  /** False with `--no-browser` or `START_NO_BROWSER=1`. */
  readonly openBrowser: boolean;
}

const NoBrowserSchema = z.optional(z.enum(['', '0', '1', 'false', 'true']));

/**
 * Reads the arguments after `start.ts` and the environment.
 * @throws {StartError} `invalid_env` naming the argument or variable at fault.
 */
export function readStartOptions(args: readonly string[], env: ConfigEnv): StartOptions {
  const unknown = args.find((arg) => arg !== NO_BROWSER_FLAG);
  if (unknown !== undefined) {
    throw new StartError(
      'invalid_env',
      `Unknown argument ${JSON.stringify(unknown.slice(0, 40))}: only ${NO_BROWSER_FLAG} is accepted.`,
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
    openBrowser: !args.includes(NO_BROWSER_FLAG) && !['1', 'true'].includes(noBrowser.data ?? ''),
  };
}
