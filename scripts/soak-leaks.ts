/**
 * Finds known secrets (the app secret, codes, tokens) in large amounts of text in linear time:
 * secrets are indexed by their first characters, and only runs of token characters are scanned.
 */

/** Characters codes, tokens and the sandbox's secret are made of. */
const TOKEN_RUN = /[A-Za-z0-9_.~-]+/g;
const TOKEN_ONLY = /^[A-Za-z0-9_.~-]+$/;
/** Secrets shorter than this would match by chance; the soak's are 35 to 184 characters. */
const PREFIX_LENGTH = 16;

/** A set of secrets and a search for them. */
export interface LeakScanner {
  /** Remembers `secret`. */
  add(secret: string): void;
  /** How many secrets it holds. */
  readonly size: number;
  /** The remembered secrets that occur in `text`, each once. */
  find(text: string): string[];
}

/** Creates an empty scanner. */
export function createLeakScanner(): LeakScanner {
  const byPrefix = new Map<string, Set<string>>();
  // Secrets with other characters, or too short to index, are looked for one by one.
  const others = new Set<string>();
  let size = 0;
  return {
    add(secret) {
      if (secret.length >= PREFIX_LENGTH && TOKEN_ONLY.test(secret)) {
        const prefix = secret.slice(0, PREFIX_LENGTH);
        const bucket = byPrefix.get(prefix) ?? new Set<string>();
        if (bucket.has(secret)) return;
        bucket.add(secret);
        byPrefix.set(prefix, bucket);
      } else {
        if (others.has(secret) || secret === '') return;
        others.add(secret);
      }
      size += 1;
    },
    get size() {
      return size;
    },
    find(text) {
      const found = new Set<string>();
      for (const secret of others) if (text.includes(secret)) found.add(secret);
      for (const [run] of text.matchAll(TOKEN_RUN)) {
        for (let start = 0; start + PREFIX_LENGTH <= run.length; start += 1) {
          const bucket = byPrefix.get(run.slice(start, start + PREFIX_LENGTH));
          if (bucket === undefined) continue;
          for (const secret of bucket) if (run.startsWith(secret, start)) found.add(secret);
        }
      }
      return [...found];
    },
  };
}
