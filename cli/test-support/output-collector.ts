/** Collects what a command writes, for assertions. */
import type { TextOutput } from '../commands/cli-context';

/** A text output that remembers everything written to it. */
export interface CollectedOutput extends TextOutput {
  readonly text: () => string;
}

/** A fresh collector. */
export function collectOutput(): CollectedOutput {
  let text = '';
  return {
    write: (chunk: string) => {
      text += chunk;
      return true;
    },
    text: () => text,
  };
}
