/** What the bench's injected scripts leave on a page's `window` for the bench to read back. */
interface Window {
  /** When the popup's heading and its account cards first appeared, from navigation start. */
  igttBenchCards?: Promise<{ headingMs: number; laidOutMs: number }>;
  /** Milliseconds from the armed click to "Copied". */
  igttBenchCopy?: Promise<number>;
  /** The vault page's entry points (bench/vault-open-page.ts). */
  igttVaultBench?: {
    prepare(count: number): Promise<void>;
    openAll(): Promise<number>;
    decryptAll(): Promise<number>;
  };
}
