/** Environment of `npm run sandbox`, validated so that a bad value names its variable. */
import * as z from 'zod/mini';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_DEFAULT_HOST,
  SANDBOX_DEFAULT_PORT,
  SANDBOX_REDIRECT_URIS,
} from './defaults';

/** The variables `main.ts` reads, with their defaults. */
export const SandboxEnvSchema = z.object({
  SANDBOX_PORT: z._default(
    z.pipe(
      z.string().check(z.regex(/^\d{1,5}$/, 'expected an integer from 0 to 65535')),
      z.pipe(
        z.transform((value: string) => Number(value)),
        z.int().check(z.maximum(65535, 'expected an integer from 0 to 65535')),
      ),
    ),
    SANDBOX_DEFAULT_PORT,
  ),
  SANDBOX_HOST: z._default(
    z.string().check(z.minLength(1, 'expected a host name')),
    SANDBOX_DEFAULT_HOST,
  ),
  SANDBOX_CLIENT_ID: z._default(
    z.string().check(z.regex(/^\d{1,32}$/, 'expected a numeric Instagram App ID')),
    SANDBOX_CLIENT_ID,
  ),
  SANDBOX_CLIENT_SECRET: z._default(
    z.string().check(z.minLength(1, 'expected a non-empty secret')),
    SANDBOX_CLIENT_SECRET,
  ),
  SANDBOX_REDIRECT_URIS: z._default(
    z.pipe(
      z.string(),
      z.pipe(
        z.transform((value: string) =>
          value
            .split(',')
            .map((uri) => uri.trim())
            .filter((uri) => uri !== ''),
        ),
        z
          .array(z.url('expected comma-separated absolute URLs'))
          .check(z.minLength(1, 'expected at least one redirect URI')),
      ),
    ),
    [...SANDBOX_REDIRECT_URIS],
  ),
});
/** Validated environment. */
export type SandboxEnv = z.infer<typeof SandboxEnvSchema>;

/** Parses `env`, or returns one line naming the first bad variable and why. */
export function parseSandboxEnv(
  env: Record<string, string | undefined>,
): { ok: true; env: SandboxEnv } | { ok: false; message: string } {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => name.startsWith('SANDBOX_') && value !== ''),
  );
  const parsed = SandboxEnvSchema.safeParse(present);
  if (parsed.success) return { ok: true, env: parsed.data };
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? 'SANDBOX_*');
  return { ok: false, message: `Invalid ${name}: ${issue?.message ?? 'invalid value'}` };
}
