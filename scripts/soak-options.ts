/** Flags of `npm run soak`, validated with zod so that a bad value names its flag. */
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';

/** What one soak run does; the defaults are the full run. */
export interface SoakOptions {
  /** Concurrent clients of the load phase. */
  readonly clients: number;
  /** Length of the load phase. */
  readonly seconds: number;
  /** Malformed requests of the fuzz phase. */
  readonly fuzz: number;
  /** Sockets that send half a request and stall. */
  readonly halfOpen: number;
  /** Seed of the fuzz generator, so a failing run can be replayed. */
  readonly seed: number;
}

/** The full run: 200 clients for 60 s, 10,000 fuzzed inputs, 500 half-open sockets. */
export const FULL_SOAK: SoakOptions = {
  clients: 200,
  seconds: 60,
  fuzz: 10_000,
  halfOpen: 500,
  seed: 0x50a4,
};

const count = (name: string, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^\d{1,7}$/, `--${name} takes a whole number`)),
    z
      .transform((value: string) => Number(value))
      .check(
        z.gte(1, `--${name} must be at least 1`),
        z.lte(max, `--${name} must be at most ${max}`),
      ),
  );

const SoakFlagsSchema = z.strictObject({
  clients: z.optional(count('clients', 2000)),
  seconds: z.optional(count('seconds', 3600)),
  fuzz: z.optional(count('fuzz', 1_000_000)),
  // The proxy holds 512 sockets at most (PROXY_MAX_CONNECTIONS): /healthz needs room beside them.
  'half-open': z.optional(count('half-open', 500)),
  seed: z.optional(count('seed', 2 ** 31 - 1)),
});

/** Usage, printed with a flag error. */
export const SOAK_USAGE =
  'Usage: npm run soak -- [--seconds 60] [--clients 200] [--fuzz 10000] [--half-open 500] [--seed N]';

/**
 * Reads the flags.
 * @throws {Error} naming the flag at fault, with the usage.
 */
export function readSoakOptions(argv: readonly string[]): SoakOptions {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        clients: { type: 'string' },
        seconds: { type: 'string' },
        fuzz: { type: 'string' },
        'half-open': { type: 'string' },
        seed: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${SOAK_USAGE}`);
  }
  const parsed = SoakFlagsSchema.safeParse(values);
  if (!parsed.success) {
    throw new Error(`${parsed.error.issues[0]?.message ?? 'Invalid flags'}\n${SOAK_USAGE}`);
  }
  return {
    clients: parsed.data.clients ?? FULL_SOAK.clients,
    seconds: parsed.data.seconds ?? FULL_SOAK.seconds,
    fuzz: parsed.data.fuzz ?? FULL_SOAK.fuzz,
    halfOpen: parsed.data['half-open'] ?? FULL_SOAK.halfOpen,
    seed: parsed.data.seed ?? FULL_SOAK.seed,
  };
}
