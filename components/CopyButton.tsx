import { useState } from 'preact/hooks';

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  /** The text to copy, or a function that fetches it at click time. */
  text: string | (() => Promise<string>);
  label: string;
}

/** A button that copies text to the clipboard and says "Copied" (or why it could not). */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof text === 'string' ? text : await text());
      setStatus('Copied');
    } catch {
      setStatus('Copy failed');
    }
  };
  return (
    <span class="row">
      <button type="button" class="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" class="muted">
        {status}
      </span>
    </span>
  );
}
