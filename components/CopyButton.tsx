import { useState } from 'preact/hooks';
import { RequestError } from '@/utils/page/send-request';

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  /** The text to copy, or a function that fetches it at click time. */
  text: string | (() => Promise<string>);
  label: string;
  /** Called with what was copied, e.g. to schedule clearing it. */
  onCopied?: (text: string) => void;
}

/** A button that copies text to the clipboard and says "Copied" (or why it could not). */
export function CopyButton({ text, label, onCopied }: CopyButtonProps) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      const value = typeof text === 'string' ? text : await text();
      await navigator.clipboard.writeText(value);
      setStatus('Copied');
      onCopied?.(value);
    } catch (error) {
      // A refusal from the background (a locked vault, say) says why; the clipboard itself does not.
      setStatus(error instanceof RequestError ? error.payload.message : 'Copy failed');
    }
  };
  return (
    <span class="row copy">
      <button type="button" class="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" class="muted">
        {status}
      </span>
    </span>
  );
}
