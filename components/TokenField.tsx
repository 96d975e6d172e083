import { useEffect, useState } from 'preact/hooks';

/** How long a revealed token stays visible. */
export const REVEAL_MS = 30_000;

/** Props of {@link TokenField}. */
export interface TokenFieldProps {
  /** The masked token (first 6 and last 4 characters), or null while locked. */
  preview: string | null;
  readToken: () => Promise<string>;
}

/** The token, masked by default; "Show" reveals it for 30 seconds. */
export function TokenField({ preview, readToken }: TokenFieldProps) {
  const [revealed, setRevealed] = useState<string | null>(null);
  useEffect(() => {
    if (revealed === null) return;
    const timer = setTimeout(() => setRevealed(null), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [revealed]);
  return (
    <div class="row token">
      <code class="token__value" aria-label="Access token">
        {revealed ?? preview ?? '••••••'}
      </code>
      <button
        type="button"
        class="button"
        onClick={() =>
          revealed === null
            ? void readToken().then(setRevealed, () => undefined)
            : setRevealed(null)
        }
      >
        {revealed === null ? 'Show' : 'Hide'}
      </button>
    </div>
  );
}
