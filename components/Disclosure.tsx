import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** Props of {@link Disclosure}. */
export interface DisclosureProps {
  summary: string;
  class?: string;
  /** Called only while open: a closed panel builds no DOM, which matters with 100 cards. */
  children: () => ComponentChildren;
}

/** A `<details>` whose content is built when it opens and dropped when it closes. */
export function Disclosure({ summary, class: className, children }: DisclosureProps) {
  const [open, setOpen] = useState(false);
  return (
    <details class={className} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}
